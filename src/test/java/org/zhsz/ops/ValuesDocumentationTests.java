package org.zhsz.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ValuesDocumentationTests {

    @Test
    void keysWithACommentAboveOrBesideThemAreDocumented() {
        assertThat(ValuesDocumentation.undocumentedKeys(List.of(
                "# -- the name",
                "name: x",
                "port: 80 # the port"))).isEmpty();
    }

    @Test
    void aBlankLineDetachesAComment() {
        assertThat(ValuesDocumentation.undocumentedKeys(List.of(
                "# file header",
                "",
                "name: x"))).containsExactly("name (line 3)");
    }

    @Test
    void aValueDocumentedWithDoubleDashCoversItsChildrenButASectionDoesNot() {
        assertThat(ValuesDocumentation.undocumentedKeys(List.of(
                "# -- security context, passed through",
                "securityContext:",
                "  runAsUser: 10001",
                "  capabilities:",
                "    drop:",
                "      - ALL",
                "# Image section",
                "image:",
                "  # -- repository",
                "  repository: zhsz",
                "  tag: latest",
                "other: 1"))).containsExactly("tag (line 11)", "other (line 12)");
    }
}
