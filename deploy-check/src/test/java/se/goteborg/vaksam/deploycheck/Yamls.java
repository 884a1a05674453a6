package se.goteborg.vaksam.deploycheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Typed navigation in SnakeYAML's plain maps and lists, failing with the path that is missing. */
final class Yamls {

    private Yamls() {
    }

    static Yaml parser() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static List<Map<String, Object>> loadAll(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : parser().loadAll(yaml)) {
            if (document != null) {
                documents.add(map(document, "document"));
            }
        }
        return documents;
    }

    static Object at(Object root, String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    static Map<String, Object> mapAt(Object root, String... path) {
        return map(at(root, path), String.join(".", path));
    }

    static List<Object> listAt(Object root, String... path) {
        return list(at(root, path), String.join(".", path));
    }

    static String stringAt(Object root, String... path) {
        Object value = at(root, path);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String what) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError(what + " is not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String what) {
        if (!(node instanceof List<?>)) {
            throw new AssertionError(what + " is not a sequence: " + node);
        }
        return (List<Object>) node;
    }
}
