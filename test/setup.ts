// Ink paints only the last frame when CI is set (docs/decisions.md, "Ink and CI"); screen tests need every frame.
delete process.env.CI;
