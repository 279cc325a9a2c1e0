package tyndau.web;

import java.util.List;

/** Every paged listing answers this shape (DESIGN "HTTP"); {@code page} starts at 1. */
public record Page<T>(long total, int page, int size, List<T> items) {
}
