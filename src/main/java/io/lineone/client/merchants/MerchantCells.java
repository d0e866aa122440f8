package io.lineone.client.merchants;

import io.lineone.api.Merchant;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** The merchants table's plain cells: each column shows one field of the row's merchant, kept current live. */
final class MerchantCells {

    private MerchantCells() {
    }

    /** A field as text, with an optional style class (numbers align right). */
    static final class Text extends TableCell<MerchantRow, Merchant> {
        private final Function<Merchant, String> field;

        Text(Function<Merchant, String> field, String styleClass) {
            this.field = field;
            if (styleClass != null) {
                getStyleClass().add(styleClass);
            }
        }

        @Override
        protected void updateItem(Merchant merchant, boolean empty) {
            super.updateItem(merchant, empty);
            setText(empty || merchant == null ? null : field.apply(merchant));
        }
    }

    /** The last contact as "3 h ago", the exact time in a tooltip. */
    static final class Contact extends TableCell<MerchantRow, Merchant> {
        private final BookText text;
        // One tooltip per cell, reused while scrolling.
        private final Tooltip tooltip = new Tooltip();

        Contact(BookText text) {
            this.text = text;
        }

        @Override
        protected void updateItem(Merchant merchant, boolean empty) {
            super.updateItem(merchant, empty);
            if (empty || merchant == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(text.ago(merchant.lastContactAt()));
            if (merchant.lastContactAt() == null) {
                setTooltip(null);
            } else {
                tooltip.setText(text.exact(merchant.lastContactAt()));
                setTooltip(tooltip);
            }
        }
    }
}
