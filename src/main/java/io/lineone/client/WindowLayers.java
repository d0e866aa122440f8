package io.lineone.client;

import io.lineone.client.common.FxmlLoaderFactory;
import io.lineone.client.common.LazyLayer;
import io.lineone.client.fixes.FixDialogController;
import io.lineone.client.fixes.FixDialogViewModel;
import io.lineone.client.search.GlobalSearchController;
import io.lineone.client.search.GlobalSearchViewModel;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/**
 * The main window with what lies over it: the global search (Ctrl+K) and the fix dialog, each built the first time
 * it is opened, and the toasts on top.
 */
final class WindowLayers {

    private WindowLayers() {
    }

    /** @param search the global search, for the roles that have one */
    static StackPane over(Parent mainWindow, Node toasts, Optional<GlobalSearchViewModel> search,
            FixDialogViewModel fixDialog, FxmlLoaderFactory loaders) {
        StackPane layers = new StackPane(mainWindow, toasts);
        search.ifPresent(model -> {
            GlobalSearchController controller = new GlobalSearchController(model);
            LazyLayer layer = new LazyLayer(layers, toasts,
                    () -> loaders.load(GlobalSearchController.class, () -> controller));
            Runnable open = () -> {
                layer.ensureBuilt();
                controller.show();
            };
            layers.sceneProperty().addListener((obs, old, scene) -> {
                if (old != null) {
                    old.getAccelerators().remove(GlobalSearchController.OPEN);
                }
                if (scene != null) {
                    scene.getAccelerators().put(GlobalSearchController.OPEN, open);
                }
            });
        });
        // The fix dialog lies over every screen: the queue, a merchant's listings and the ledger all open it.
        LazyLayer fix = new LazyLayer(layers, toasts,
                () -> loaders.load(FixDialogController.class, () -> new FixDialogController(fixDialog)));
        fixDialog.openProperty().addListener((obs, was, open) -> {
            if (open) {
                fix.ensureBuilt();
            }
        });
        return layers;
    }
}
