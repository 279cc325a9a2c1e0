package tyndau.source;

/** Fired after a source's role changed: its documents count on another side now, so what was derived from them is re-drawn. */
public record RoleChanged(String sourceId, SourceRole was, SourceRole now) {
}
