package se.goteborg.vaksam.devstack;

import java.nio.file.Path;

/** Where a run keeps its state: {@code <dir>/data/...} survives restarts, {@code <dir>/logs} holds each child's output. */
record DataLayout(Path dir) {

    DataLayout {
        dir = dir.toAbsolutePath().normalize();
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path logFile(Component component) {
        return logs().resolve(component.id() + ".log");
    }

    Path kafka() {
        return dir.resolve("data").resolve("kafka");
    }

    Path mongoFile() {
        return dir.resolve("data").resolve("mongo").resolve("vaksam.mv");
    }

    /** H2 appends {@code .mv.db} to this base name. */
    Path registryDatabase() {
        return dir.resolve("data").resolve("registry").resolve("registry");
    }
}
