// Shared setup for the Tempered notebooks. Each notebook's first cell runs `%load setup.jsh`.
// Paths are relative to this folder, which is where Jupyter starts the Java kernel.

if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of("../target/tempered.jar"))) throw new IllegalStateException("The Tempered library is not built yet: run ./lab (or mvn -B package -DskipTests) in the project folder, then restart the kernel.");

%classpath ../target/tempered.jar

// Charts are drawn off screen; a kernel has no window to draw in.
System.setProperty("java.awt.headless", "true");

// Every package a notebook uses is imported here, once, and nowhere else. JJava drops an import that a new one
// overwrites, and JShell then recompiles the snippets that depended on it: a variable whose class changes is reset
// to null. So a cell that imports a package again, after variables were declared, can empty them.
// (java.util.*, java.io.* and the rest of the kernel's own imports are already there when a notebook starts.)
import java.util.function.*;
import java.util.stream.*;
import tempered.math.*;
import tempered.format.*;
import tempered.exercise.*;
import tempered.playground.*;
import tempered.sampling.*;
import tempered.notebook.*;
import tempered.stats.*;
import tempered.text.*;
import tempered.model.*;
import tempered.hub.*;
import tempered.recorded.*;
import tempered.generate.*;
import tempered.ngram.*;
import tech.tablesaw.api.*;

/** Shows HTML in the cell. display() returns an id, which a cell would otherwise show as well. */
void html(String markup) { display(markup, "text/html"); }
