// Loaded by the fidelity corpus: a file that declares, then throws.
int declaredBeforeTheThrow = 1;
throw new IllegalStateException("thrown inside a loaded file");
