package tempered.notebook;

import tempered.hub.Models;
import tempered.model.Gpt2Model;

/**
 * GPT-2 for a notebook's first cell, as {@code notebooks/gpt2.jsh} opened it before {@link Models#open()} was the
 * one way to open a model.
 *
 * @deprecated use {@link Models#open()}; this stays only until {@code gpt2.jsh} calls it, then goes
 */
@Deprecated
public final class NotebookModel {
    private NotebookModel() {
    }

    /** {@link Models#open()}. */
    public static Gpt2Model open() {
        return Models.open();
    }
}
