package io.lineone.client.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads every screen the same way: the bundle for {@code %key} strings, and controllers built by
 * the wiring (constructor injection) instead of FXMLLoader's no-argument reflection.
 * A controller {@code x.y.FooController} goes with {@code x/y/FooView.fxml}.
 */
public final class FxmlLoaderFactory {

    private final ResourceBundle bundle;
    private final Map<Class<?>, Supplier<?>> controllers;

    public FxmlLoaderFactory(ResourceBundle bundle, Map<Class<?>, Supplier<?>> controllers) {
        this.bundle = bundle;
        this.controllers = Map.copyOf(controllers);
    }

    /** A loaded screen: its root node and the controller the wiring built for it. */
    public record View<C>(Parent root, C controller) {
    }

    public <C> View<C> load(Class<C> controllerType) {
        String name = controllerType.getSimpleName().replaceFirst("Controller$", "View") + ".fxml";
        URL fxml = controllerType.getResource(name);
        if (fxml == null) {
            throw new IllegalStateException("no " + name + " beside " + controllerType.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml, bundle);
        loader.setControllerFactory(this::controllerFor);
        try {
            Parent root = loader.load();
            return new View<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    private Object controllerFor(Class<?> type) {
        Supplier<?> supplier = controllers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("the wiring builds no " + type.getName());
        }
        return supplier.get();
    }
}
