package io.lineone.api;

import java.util.List;

/** The values the merchant filters offer over the merchants the caller sees ({@code GET /merchants/facets}). */
public record MerchantFacets(List<String> categories, List<String> regions, int total) {
}
