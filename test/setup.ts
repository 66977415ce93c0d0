// Ink paints only the last frame when CI is set (stack-notes.md); screen tests need every frame.
delete process.env.CI;
