package se.goteborg.vaksam.routing.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.platform.events.Indicator;

/**
 * Reads a routing rules file and checks all of it, so a mistake stops the service at start-up with every problem
 * named by its place in the file, instead of misrouting tips later.
 */
public final class RoutingRulesLoader {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    private final List<String> problems = new ArrayList<>();

    private RoutingRulesLoader() {
    }

    /** The rules in the file; {@link InvalidRoutingRules} naming every problem when it has any. */
    public static RoutingRules load(String source, InputStream yaml) {
        Object root;
        try (var reader = new InputStreamReader(yaml, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException | IOException e) {
            throw new InvalidRoutingRules(source, List.of("is not readable YAML: " + e.getMessage()));
        }
        var loader = new RoutingRulesLoader();
        RoutingRules rules = loader.rules(root);
        if (loader.problems.isEmpty()) {
            loader.problems.addAll(FactSpace.unreachable(rules));
        }
        if (!loader.problems.isEmpty()) {
            throw new InvalidRoutingRules(source, loader.problems);
        }
        return rules;
    }

    private RoutingRules rules(Object root) {
        Map<?, ?> file = map("(file)", root, Set.of("version", "controlIndicators", "rules", "repeatPremises", "fallback"));
        if (file == null) {
            return null;
        }
        String version = text("version", file.get("version"));
        Set<String> controlIndicators = indicators("controlIndicators", file.get("controlIndicators"));
        List<Rule> rules = new ArrayList<>();
        List<?> rows = list("rules", file.get("rules"));
        Set<String> ids = new HashSet<>();
        for (int i = 0; rows != null && i < rows.size(); i++) {
            Rule rule = rule("rules[" + i + "]", rows.get(i));
            if (rule != null && !ids.add(rule.id())) {
                problems.add("rules[" + i + "].id: " + rule.id() + " is used by an earlier rule");
            }
            rules.add(rule);
        }
        RoutingRules.Repeat repeat = repeat(file.get("repeatPremises"));
        RoutingRules.Fallback fallback = fallback(file.get("fallback"));
        return new RoutingRules(version, controlIndicators, rules, repeat, fallback);
    }

    private Rule rule(String path, Object value) {
        Map<?, ?> rule = map(path, value, Set.of("id", "when", "recipients", "priority", "reasons", "additional"));
        if (rule == null) {
            return null;
        }
        String id = text(path + ".id", rule.get("id"));
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(path + ".id: must be lower-case words joined by '-'");
        }
        Condition when = condition(path + ".when", rule.get("when"));
        Set<Recipient> recipients = enums(path + ".recipients", rule.get("recipients"), Recipient.class);
        Priority priority = oneEnum(path + ".priority", rule.get("priority"), Priority.class);
        List<String> reasons = List.copyOf(codes(path + ".reasons", rule.get("reasons")));
        Boolean additional = rule.containsKey("additional") ? bool(path + ".additional", rule.get("additional")) : Boolean.FALSE;
        return new Rule(id, when, recipients, priority, reasons, Boolean.TRUE.equals(additional));
    }

    private Condition condition(String path, Object value) {
        Map<?, ?> when = map(path, value, Set.of("suspectedMinor", "immediateDanger", "exploitationType",
                "controlIndicator", "cityLetPremises", "anyIndicator"));
        if (when == null) {
            return null;
        }
        var condition = new Condition(
                when.containsKey("suspectedMinor")
                        ? enums(path + ".suspectedMinor", when.get("suspectedMinor"), SuspectedMinor.class) : null,
                when.containsKey("immediateDanger") ? bool(path + ".immediateDanger", when.get("immediateDanger")) : null,
                when.containsKey("exploitationType")
                        ? enums(path + ".exploitationType", when.get("exploitationType"), ExploitationType.class)
                        : null,
                when.containsKey("controlIndicator") ? bool(path + ".controlIndicator", when.get("controlIndicator")) : null,
                when.containsKey("cityLetPremises") ? bool(path + ".cityLetPremises", when.get("cityLetPremises")) : null,
                when.containsKey("anyIndicator") ? indicators(path + ".anyIndicator", when.get("anyIndicator")) : null);
        if (condition.isEmpty()) {
            problems.add(path + ": must name at least one condition");
        }
        return condition;
    }

    private RoutingRules.Repeat repeat(Object value) {
        Map<?, ?> repeat = map("repeatPremises", value, Set.of("minTips", "reason"));
        if (repeat == null) {
            return null;
        }
        Object minTips = repeat.get("minTips");
        if (!(minTips instanceof Integer tips) || tips < 2) {
            problems.add("repeatPremises.minTips: must be a whole number of at least 2");
        }
        String reason = code("repeatPremises.reason", repeat.get("reason"));
        return new RoutingRules.Repeat(minTips instanceof Integer tips ? tips : 0, reason);
    }

    private RoutingRules.Fallback fallback(Object value) {
        Map<?, ?> fallback = map("fallback", value, Set.of("recipients", "priority", "reasons"));
        if (fallback == null) {
            return null;
        }
        return new RoutingRules.Fallback(enums("fallback.recipients", fallback.get("recipients"), Recipient.class),
                oneEnum("fallback.priority", fallback.get("priority"), Priority.class),
                List.copyOf(codes("fallback.reasons", fallback.get("reasons"))));
    }

    private Map<?, ?> map(String path, Object value, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(path + ": " + (value == null ? "is required" : "must be a mapping"));
            return null;
        }
        map.keySet().stream()
                .filter(key -> !allowed.contains(String.valueOf(key)))
                .forEach(key -> problems.add(path + "." + key + ": is not a known setting (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")"));
        return map;
    }

    private List<?> list(String path, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(path + ": " + (value == null ? "is required" : "must be a non-empty list"));
            return null;
        }
        return list;
    }

    private String text(String path, Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add(path + ": " + (value == null ? "is required" : "must be text"));
            return null;
        }
        return text;
    }

    private String code(String path, Object value) {
        String code = text(path, value);
        if (code != null && !CODE.matcher(code).matches()) {
            problems.add(path + ": " + code + " must be an upper-case code such as CONTROL_INDICATORS");
            return null;
        }
        return code;
    }

    private Set<String> codes(String path, Object value) {
        Set<String> codes = new LinkedHashSet<>();
        List<?> list = list(path, value);
        for (int i = 0; list != null && i < list.size(); i++) {
            String code = code(path + "[" + i + "]", list.get(i));
            if (code != null && !codes.add(code)) {
                problems.add(path + "[" + i + "]: " + code + " is listed twice");
            }
        }
        return codes;
    }

    /** Codes that must be in the indicator catalogue: a misspelt code would silently never match. */
    private Set<String> indicators(String path, Object value) {
        Set<String> codes = codes(path, value);
        List<String> unknown = codes.stream().filter(code -> Indicator.byCode(code).isEmpty()).toList();
        unknown.forEach(code -> problems.add(path + ": " + code + " is not in the indicator catalogue"));
        return codes;
    }

    private Boolean bool(String path, Object value) {
        if (!(value instanceof Boolean bool)) {
            problems.add(path + ": must be true or false");
            return null;
        }
        return bool;
    }

    private <E extends Enum<E>> E oneEnum(String path, Object value, Class<E> type) {
        if (value instanceof Boolean) {
            problems.add(path + ": YAML reads unquoted yes/no as true/false; quote the value");
            return null;
        }
        String name = text(path, value);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + name + " is not one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    private <E extends Enum<E>> Set<E> enums(String path, Object value, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        List<?> list = list(path, value);
        for (int i = 0; list != null && i < list.size(); i++) {
            E one = oneEnum(path + "[" + i + "]", list.get(i), type);
            if (one != null) {
                values.add(one);
            }
        }
        return values;
    }

    /** The rules file has problems; the message lists all of them. */
    public static final class InvalidRoutingRules extends IllegalStateException {

        private final List<String> problems;

        InvalidRoutingRules(String source, List<String> problems) {
            super("Routing rules " + source + " are invalid:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
