package dev.paperboy.core.paper;

/** What an idempotent write did. */
public enum Outcome {
  ADDED,
  UPDATED,
  UNCHANGED
}
