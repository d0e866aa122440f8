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
 * Loads every screen the same way: the bundle for {@code %key} strings, and controllers built by the wiring
 * (constructor injection) instead of FXMLLoader's no-argument reflection, for the file itself and every file it
 * includes.
 */
public final class FxmlLoaderFactory {

    private final ResourceBundle bundle;

    public FxmlLoaderFactory(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** A controller {@code x.y.FooController} with its view {@code x/y/FooView.fxml} beside it. */
    public <C> Parent load(Class<C> controllerType, Supplier<C> controller) {
        String name = controllerType.getSimpleName().replaceFirst("Controller$", "View") + ".fxml";
        URL fxml = controllerType.getResource(name);
        if (fxml == null) {
            throw new IllegalStateException("no " + name + " beside " + controllerType.getName());
        }
        return load(fxml, Map.<Class<?>, Supplier<?>>of(controllerType, controller));
    }

    /**
     * The view at the class-path resource {@code fxml} (an absolute path).
     *
     * @param controllers the controller of each controller class the file and its {@code fx:include}s name
     */
    public Parent load(String fxml, Map<Class<?>, Supplier<?>> controllers) {
        URL url = FxmlLoaderFactory.class.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("no " + fxml + " on the class path");
        }
        return load(url, controllers);
    }

    private Parent load(URL fxml, Map<Class<?>, Supplier<?>> controllers) {
        FXMLLoader loader = new FXMLLoader(fxml, bundle);
        loader.setControllerFactory(type -> {
            Supplier<?> supplier = controllers.get(type);
            if (supplier == null) {
                throw new IllegalStateException("the wiring builds no " + type.getName() + " for " + fxml);
            }
            return supplier.get();
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }
}
