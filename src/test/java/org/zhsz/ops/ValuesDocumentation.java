package org.zhsz.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds keys of a Helm values file that carry no comment. Conventions (as helm-docs reads them): a comment
 * block directly above a key, or a comment after it on the same line, documents it; a block containing a
 * {@code # --} line documents the key as one value, so nothing below it (a securityContext, a list of hosts)
 * needs its own comment; a plain {@code #} block documents a section whose keys need their own comments.
 */
final class ValuesDocumentation {

    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.\\-/]+):( .*)?$");

    private ValuesDocumentation() {
    }

    private record Open(int indent, boolean wholeValue) {
    }

    static List<String> undocumentedKeys(List<String> lines) {
        List<String> undocumented = new ArrayList<>();
        Deque<Open> parents = new ArrayDeque<>();
        List<String> comments = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                comments.clear();
                continue;
            }
            if (trimmed.startsWith("#")) {
                comments.add(trimmed);
                continue;
            }
            Matcher m = KEY.matcher(line);
            if (!m.matches()) {
                // list items and scalars continue the value above them
                comments.clear();
                continue;
            }
            int indent = m.group(1).length();
            while (!parents.isEmpty() && parents.peek().indent() >= indent) {
                parents.pop();
            }
            boolean insideWholeValue = parents.stream().anyMatch(Open::wholeValue);
            String rest = m.group(3) == null ? "" : m.group(3);
            boolean inlineComment = rest.contains(" #");
            if (!insideWholeValue && comments.isEmpty() && !inlineComment) {
                undocumented.add(m.group(2) + " (line " + number + ")");
            }
            boolean wholeValue = comments.stream().anyMatch(c -> c.startsWith("# --"));
            parents.push(new Open(indent, wholeValue));
            comments.clear();
        }
        return undocumented;
    }
}
