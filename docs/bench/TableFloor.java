import atlantafx.base.theme.PrimerLight;
import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The platform's floor for the cold-start bar: the least a JavaFX 21 window with a table under AtlantaFX costs on this
 * machine, with none of LineOne's own work. Shows an 8-column table of ROWS rows (0: none; -1: no table at all) in a
 * 1200×760 window and prints, in ms after the JVM's start, when the toolkit was up, the window shown, and the first
 * layout pass done. Run by docs/bench/table-floor.sh with the app image's runtime and class-data archive.
 */
public final class TableFloor extends Application {

    private static long now() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        long toolkit = now();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        int rows = Integer.parseInt(getParameters().getRaw().get(0));
        BorderPane root = new BorderPane();
        if (rows >= 0) {
            TableView<String[]> table = new TableView<>();
            for (int c = 0; c < 8; c++) {
                int column = c;
                TableColumn<String[], String> each = new TableColumn<>("Column " + c);
                each.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue()[column]));
                each.setPrefWidth(120);
                table.getColumns().add(each);
            }
            ObservableList<String[]> items = FXCollections.observableArrayList();
            for (int r = 0; r < rows; r++) {
                String[] row = new String[8];
                for (int c = 0; c < 8; c++) {
                    row[c] = "Merchant " + r + " / " + c;
                }
                items.add(row);
            }
            table.setItems(items);
            table.setFixedCellSize(34);
            root.setCenter(table);
        }
        Scene scene = new Scene(root, 1200, 760);
        long[] window = new long[1];
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                System.out.println("toolkit " + toolkit + " ms, window " + window[0] + ", laid out " + now());
                Platform.runLater(Platform::exit);
            }
        });
        stage.setScene(scene);
        stage.setOnShown(event -> window[0] = now());
        stage.show();
    }
}
