package tyndau.index;

import java.util.List;
import tyndau.document.DocumentRow;

/** Fired after new rows reached the live index (not during a rebuild), for percolation and alerts. */
public record DocumentsIndexed(List<DocumentRow> rows) {
}
