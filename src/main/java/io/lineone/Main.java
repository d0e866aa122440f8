package io.lineone; public class Main { public static void main(String[] a){} }
