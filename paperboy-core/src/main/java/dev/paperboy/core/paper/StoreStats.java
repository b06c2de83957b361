package dev.paperboy.core.paper;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Counts that describe what a store holds. */
public record StoreStats(
    long papers,
    long entries,
    long days,
    long papersWithCode,
    @Nullable LocalDate firstDay,
    @Nullable LocalDate lastDay) {}
