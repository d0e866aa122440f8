package io.lineone.server.http;

/**
 * Routes that live beside their feature outside this package (e.g. {@code events}), registered by
 * {@link HttpApi} with the others; so those packages depend on {@code http}, and never the other way round.
 */
@FunctionalInterface
public interface RouteModule {

    void register(Router router);
}
