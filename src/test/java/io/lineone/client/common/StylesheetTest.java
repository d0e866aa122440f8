package io.lineone.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/** The app's stylesheet parses whole: one unclosed rule makes JavaFX drop every rule after it, silently. */
class StylesheetTest {

    @Test
    void theStylesheetHasNoParseError() throws IOException {
        URL css = getClass().getResource("/io/lineone/client/lineone.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();

        new CssParser().parse(css);

        assertThat(CssParser.errorsProperty()).extracting(Object::toString).isEmpty();
    }
}
