package io.lineone.api;

/** Body of {@code POST /releases}; the owner must be a PRODUCT_OWNER. A new release is PLANNED at 0 %. */
public record NewRelease(String productArea, String name, String version, String ownerId) {
}
