package io.lineone.client.common;

/** Merchants asked to be shown: the main window turns to the merchants, which select the merchant. */
public final class MerchantLinks extends Wanted {
}
