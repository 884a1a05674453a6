package se.goteborg.vaksam.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Request bodies for tests: a valid tip with one field changed or removed, as JSON. */
public final class Bodies {

    /** Put this as the value to remove the field. */
    public static final Object REMOVE = new Object();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Bodies() {
    }

    public static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    /** A deep copy of {@code base} with the value at a dotted path ({@code premises.postalCode}) replaced. */
    public static Map<String, Object> with(Map<String, Object> base, String path, Object value) {
        Map<String, Object> copy = copy(base);
        String[] parts = path.split("\\.");
        Map<String, Object> node = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) node.get(parts[i]);
            node = child;
        }
        if (value == REMOVE) {
            node.remove(parts[parts.length - 1]);
        } else {
            node.put(parts[parts.length - 1], value);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> m ? copy((Map<String, Object>) m)
                : value instanceof List<?> l ? new ArrayList<>(l) : value));
        return copy;
    }
}
