package se.goteborg.vaksam.devstack;

import java.nio.file.Path;
import java.util.Optional;

/** The stack could not start; names the child at fault and where its log is, when there is one. */
public class DevstackException extends RuntimeException {

    private final transient Component component;
    private final transient Path logFile;

    DevstackException(String message) {
        this(message, null, null, null);
    }

    DevstackException(String message, Component component, Path logFile, Throwable cause) {
        super(message, cause);
        this.component = component;
        this.logFile = logFile;
    }

    public Optional<Component> component() {
        return Optional.ofNullable(component);
    }

    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }
}
