package tyndau.ingest.scrape;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jsoup.nodes.Element;

/** Tells tables that hold data (kept whole) from tables used for page layout (pruned like any block). */
final class DataTables {
    private final Set<Element> data = Collections.newSetFromMap(new IdentityHashMap<>());

    DataTables(Element root) {
        for (Element table : root.getElementsByTag("table")) {
            if (judge(table)) {
                data.add(table);
            }
        }
    }

    boolean contains(Element table) {
        return data.contains(table);
    }

    boolean insideOne(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (data.contains(p)) {
                return true;
            }
        }
        return false;
    }

    boolean holdsOne(Element e) {
        return e.getElementsByTag("table").stream().anyMatch(data::contains);
    }

    private static boolean judge(Element table) {
        if ("presentation".equals(table.attr("role")) || "0".equals(table.attr("datatable"))) {
            return false;
        }
        if (!table.attr("summary").isEmpty()) {
            return true;
        }
        Element caption = table.selectFirst("caption");
        if (caption != null && caption.childNodeSize() > 0) {
            return true;
        }
        if (!table.select("col, colgroup, tfoot, thead, th").isEmpty()) {
            return true;
        }
        if (table.getElementsByTag("table").size() > 1) {
            return false;
        }
        int rows = 0;
        int columns = 0;
        for (Element tr : table.getElementsByTag("tr")) {
            rows += Math.max(1, intAttr(tr, "rowspan"));
            int cells = 0;
            for (Element cell : tr.select("> td, > th")) {
                cells += Math.max(1, intAttr(cell, "colspan"));
            }
            columns = Math.max(columns, cells);
        }
        if (rows == 1 || columns == 1) {
            return false;
        }
        return rows >= 10 || columns > 4 || rows * columns > 10;
    }

    private static int intAttr(Element e, String name) {
        try {
            return Integer.parseInt(e.attr(name).trim());
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
