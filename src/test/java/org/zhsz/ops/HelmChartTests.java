package org.zhsz.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.jni.NativeLibrary;

/**
 * Lints and renders helm/zhsz with helm-java (Helm's Go library, loaded natively from the platform jar that
 * Maven resolved: no helm binary and no network needed) and checks what an operator relies on: hardening,
 * probes, resources, what production renders, and that unsafe settings refuse to render.
 */
class HelmChartTests {

    private static final Path CHART = Path.of("helm", "zhsz");
    private static final Path PRODUCTION_VALUES = CHART.resolve("values-production.yaml");

    private static Helm helm;

    @BeforeAll
    static void helmLibraryComesFromTheClasspath() {
        // helm-java falls back to downloading the native library when no platform jar is on the classpath;
        // the build must never depend on that.
        assertThat(ServiceLoader.load(NativeLibrary.class).findFirst())
                .as("a com.marcnuri.helm-java platform jar (e.g. linux-amd64) on the test classpath")
                .isPresent();
        helm = new Helm(CHART);
    }

    // ---- lint ----

    @Test
    void lintPassesInStrictMode() {
        LintResult result = helm.lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    // ---- default values: a single-replica demo on the embedded store ----

    @Test
    void defaultValuesRenderAHardenedSingleReplicaDemo() {
        Rendered out = render(t -> t);

        Map<String, Object> deployment = out.one("Deployment");
        assertThat(get(deployment, "spec.replicas")).isEqualTo(1);
        assertThat(get(deployment, "spec.strategy.type")).as("the store file admits one process").isEqualTo("Recreate");

        Map<String, Object> pod = map(get(deployment, "spec.template.spec"));
        assertThat(get(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) get(pod, "securityContext.runAsUser")).isGreaterThan(0);
        assertThat(get(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
        assertThat(get(pod, "automountServiceAccountToken")).isEqualTo(false);

        Map<String, Object> app = container(deployment);
        assertThat(get(app, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(get(app, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(get(app, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(list(get(app, "securityContext.capabilities.drop"))).containsExactly("ALL");

        assertThat(mountPaths(app)).contains("/tmp", "/data");
        assertThat(volume(pod, "tmp")).containsKey("emptyDir");

        assertThat(get(app, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(get(app, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(get(app, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        // probes go to actuator's own port, which the Service's "http" port (and so the Ingress) never reaches
        assertThat(get(app, "startupProbe.httpGet.port")).isEqualTo("management");
        assertThat(get(app, "livenessProbe.httpGet.port")).isEqualTo("management");
        assertThat(get(app, "readinessProbe.httpGet.port")).isEqualTo("management");
        assertThat(get(app, "ports[0].containerPort")).isEqualTo(8080);
        assertThat(get(app, "ports[1].name")).isEqualTo("management");
        assertThat(get(app, "ports[1].containerPort")).isEqualTo(8081);

        assertThat(map(get(app, "resources.limits"))).containsKeys("cpu", "memory");
        assertThat(map(get(app, "resources.requests"))).containsKeys("cpu", "memory");

        Map<String, Object> config = map(get(out.one("ConfigMap"), "data"));
        assertThat(config).containsEntry("ZHSZ_DATA_DIR", "/data")
                .containsEntry("ZHSZ_DEMO_DATA", "auto")
                .containsEntry("ZHSZ_PORT", "8080")
                .containsEntry("ZHSZ_MANAGEMENT_PORT", "8081")
                .containsKey("ZHSZ_TRUSTED_PROXIES")
                .containsKey("JAVA_TOOL_OPTIONS");
        assertThat(envNames(app)).doesNotContain("ZHSZ_MONGODB_URI");

        assertThat(out.kinds()).doesNotContain("Secret", "HorizontalPodAutoscaler", "ServiceMonitor", "Ingress",
                "PersistentVolumeClaim");
        assertThat(out.kinds()).contains("Service", "ServiceAccount", "NetworkPolicy", "PodDisruptionBudget");
        assertThat(map(get(deployment, "spec.template.metadata.annotations")))
                .containsKeys("checksum/config", "checksum/secret");
    }

    @Test
    void everyResourceCarriesTheStandardLabels() {
        Rendered out = render(t -> t.withValuesFile(PRODUCTION_VALUES));

        for (Map<String, Object> doc : out.docs()) {
            assertThat(map(get(doc, "metadata.labels")))
                    .as(doc.get("kind") + " labels")
                    .containsEntry("app.kubernetes.io/name", "zhsz")
                    .containsEntry("app.kubernetes.io/instance", "zhsz")
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsKeys("helm.sh/chart", "app.kubernetes.io/version");
        }
    }

    @Test
    void embeddedStorePersistenceRendersAClaimMountedAtTheDataDirectory() {
        Rendered out = render(t -> t.set("embeddedStore.persistence.enabled", true));

        assertThat(out.one("PersistentVolumeClaim")).isNotNull();
        Map<String, Object> pod = map(get(out.one("Deployment"), "spec.template.spec"));
        assertThat(get(volume(pod, "data"), "persistentVolumeClaim.claimName")).isEqualTo("zhsz-data");
    }

    // ---- production values ----

    @Test
    void productionValuesRenderAnAutoscaledRollingDeploymentOnAnExternalReplicaSet() {
        Rendered out = render(t -> t.withValuesFile(PRODUCTION_VALUES));

        Map<String, Object> deployment = out.one("Deployment");
        assertThat(map(get(deployment, "spec"))).as("the HPA owns the replica count").doesNotContainKey("replicas");
        assertThat(get(deployment, "spec.strategy.type")).isEqualTo("RollingUpdate");
        assertThat(get(deployment, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);

        Map<String, Object> pod = map(get(deployment, "spec.template.spec"));
        assertThat(list(pod.get("topologySpreadConstraints")))
                .extracting(c -> map(c).get("topologyKey"))
                .contains("kubernetes.io/hostname");
        assertThat(get(pod, "affinity.podAntiAffinity")).isNotNull();

        Map<String, Object> hpa = out.one("HorizontalPodAutoscaler");
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(get(hpa, "spec.minReplicas")).isEqualTo(3);
        assertThat(get(hpa, "spec.scaleTargetRef.name")).isEqualTo(get(deployment, "metadata.name"));
        assertThat(list(get(hpa, "spec.metrics"))).extracting(m -> get(m, "resource.name"))
                .containsExactly("cpu");

        assertThat(get(out.one("PodDisruptionBudget"), "spec.maxUnavailable")).isEqualTo(1);

        Map<String, Object> monitor = out.one("ServiceMonitor");
        assertThat(get(monitor, "spec.endpoints[0].path")).isEqualTo("/actuator/prometheus");
        assertThat(get(monitor, "spec.endpoints[0].port")).isEqualTo("management");
        Map<String, Object> service = out.one("Service");
        assertThat(list(get(service, "spec.ports"))).extracting(x -> map(x).get("name"))
                .containsExactly("http", "management");
        assertThat(get(ingress(out), "spec.rules[0].http.paths[0].backend.service.port.name")).isEqualTo("http");
        assertThat(map(get(monitor, "metadata.labels"))).containsEntry("release", "kube-prometheus-stack");

        Map<String, Object> config = map(get(out.one("ConfigMap"), "data"));
        assertThat(config).containsEntry("ZHSZ_DEMO_DATA", "never")
                .containsEntry("ZHSZ_ISSUER_URI", "https://sso.example.org/realms/zhsz")
                .containsKey("ZHSZ_JWK_SET_URI")
                .containsEntry("ZHSZ_SIGNING_KEYSTORE", "/etc/zhsz/signing/keystore.p12")
                .doesNotContainKey("ZHSZ_DATA_DIR");

        Map<String, Object> app = container(deployment);
        assertThat(secretRef(app, "ZHSZ_MONGODB_URI")).containsEntry("name", "zhsz-secrets").containsEntry("key", "mongodb-uri");
        assertThat(secretRef(app, "ZHSZ_ENCRYPTION_KEYS")).containsEntry("name", "zhsz-secrets");
        assertThat(secretRef(app, "ZHSZ_SIGNING_KEYSTORE_PASSWORD")).containsEntry("name", "zhsz-secrets");
        assertThat(mountPaths(app)).contains("/tmp", "/etc/zhsz/signing").doesNotContain("/data");
        assertThat(out.kinds()).doesNotContain("Secret", "PersistentVolumeClaim");

        Map<String, Object> ingress = out.one("Ingress");
        assertThat(get(ingress, "spec.ingressClassName")).isEqualTo("nginx");
        assertThat(get(ingress, "spec.tls[0].secretName")).isEqualTo("zhsz-tls");
        assertThat(get(ingress, "spec.rules[0].http.paths[0].backend.service.port.name")).isEqualTo("http");

        Map<String, Object> policy = out.one("NetworkPolicy");
        assertThat(list(get(policy, "spec.policyTypes"))).containsExactly("Ingress", "Egress");
        List<Object> egressPorts = list(get(policy, "spec.egress")).stream()
                .flatMap(rule -> list(map(rule).get("ports")).stream())
                .map(p -> map(p).get("port"))
                .collect(Collectors.toList());
        assertThat(egressPorts).contains(53, 27017, 8080);
    }

    @Test
    void onlyPrometheusReachesTheManagementPortAndTheIngressControllerTheApiPort() {
        Map<String, Object> policy = render(t -> t.withValuesFile(PRODUCTION_VALUES)).one("NetworkPolicy");
        List<Object> rules = list(get(policy, "spec.ingress"));
        assertThat(rules).hasSize(2);
        assertThat(get(rules.get(0), "ports[0].port")).isEqualTo("http");
        assertThat(get(rules.get(0), "from[0].namespaceSelector.matchLabels"))
                .isEqualTo(Map.of("kubernetes.io/metadata.name", "ingress-nginx"));
        assertThat(list(get(rules.get(0), "from"))).hasSize(1);
        assertThat(get(rules.get(1), "ports[0].port")).isEqualTo("management");
        assertThat(list(get(rules.get(1), "from"))).hasSize(1);
        assertThat(get(rules.get(1), "from[0].namespaceSelector.matchLabels"))
                .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
    }

    @Test
    void forwardedClientAddressesAreTrustedFromTheClusterAndProvisioningReadsItsSecret() {
        Rendered out = render(t -> t.withValuesFile(PRODUCTION_VALUES));
        Map<String, Object> config = map(get(out.one("ConfigMap"), "data"));
        assertThat((String) config.get("ZHSZ_TRUSTED_PROXIES")).contains("10.0.0.0/8");
        Map<String, Object> ref = secretRef(container(out.one("Deployment")), "ZHSZ_PROVISIONING_SECRET");
        assertThat(ref).containsEntry("name", "zhsz-secrets").containsEntry("key", "provisioning-secret")
                .containsEntry("optional", true);
        // trusting no proxy is one value away
        assertThat(map(get(render(t -> t.set("app.trustedProxies", "")).one("ConfigMap"), "data")))
                .containsEntry("ZHSZ_TRUSTED_PROXIES", "");
        // an inline secret lands in the chart's Secret
        Rendered inline = render(t -> t.set("accounts.clientSecret", "s3cr3t-provisioning"));
        assertThat(decode(map(get(inline.one("Secret"), "data")).get("provisioning-secret")))
                .isEqualTo("s3cr3t-provisioning");
        assertThat(inline.text()).doesNotContain("s3cr3t-provisioning");
    }

    @Test
    void theDefaultImageIsTheOneTheBuildWrites() throws IOException {
        Map<String, Object> chart = map(yaml().load(Files.readString(CHART.resolve("Chart.yaml"))));
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("<artifactId>zhsz</artifactId>"));
        version = version.substring(version.indexOf("<version>") + 9, version.indexOf("</version>"));
        assertThat(chart.get("appVersion")).as("Jib tags the image zhsz:<pom version>").isEqualTo(version);
        assertThat(pom).contains("<image.name>zhsz:${project.version}</image.name>");
        assertThat(get(container(render(t -> t).one("Deployment")), "image")).isEqualTo("zhsz:" + version);
    }

    // ---- optional resources ----

    @Test
    void autoscalerAddsAMemoryTargetOnlyWhenOneIsGiven() {
        Map<String, Object> hpa = render(t -> t.withValuesFile(PRODUCTION_VALUES)
                .set("autoscaling.targetMemoryUtilizationPercentage", 90)).one("HorizontalPodAutoscaler");

        assertThat(list(get(hpa, "spec.metrics"))).extracting(m -> get(m, "resource.name"))
                .containsExactly("cpu", "memory");
        assertThat(get(hpa, "spec.metrics[1].resource.target.averageUtilization")).isEqualTo(90);
    }

    @Test
    void serviceMonitorIsRenderedOnlyWhenEnabled() {
        assertThat(render(t -> t).kinds()).doesNotContain("ServiceMonitor");
        assertThat(render(t -> t.withValuesFile(PRODUCTION_VALUES).set("metrics.serviceMonitor.enabled", false)).kinds())
                .doesNotContain("ServiceMonitor");

        Map<String, Object> monitor = render(t -> t.set("metrics.serviceMonitor.enabled", true)).one("ServiceMonitor");
        assertThat(monitor.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
    }

    @Test
    void ingressCarriesClassTlsAndAnnotations() {
        Map<String, Object> ingress = render(t -> t
                .set("ingress.enabled", true)
                .set("ingress.className", "nginx")
                .set("ingress.annotations.cert-manager\\.io/cluster-issuer", "letsencrypt")
                .set("ingress.tls[0].secretName", "zhsz-tls")
                .set("ingress.tls[0].hosts[0]", "zhsz.example.org")).one("Ingress");

        assertThat(get(ingress, "spec.ingressClassName")).isEqualTo("nginx");
        assertThat(map(get(ingress, "metadata.annotations"))).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
        assertThat(list(get(ingress, "spec.tls[0].hosts"))).containsExactly("zhsz.example.org");
        assertThat(get(ingress, "spec.rules[0].host")).isEqualTo("zhsz.example.org");
    }

    // ---- secrets ----

    @Test
    void existingSecretSuppressesTheChartSecretAndIsReferencedByTheDeployment() {
        Rendered out = render(t -> t
                .set("secrets.existingSecret", "school-db")
                .set("mongodb.uri", "mongodb://ignored:27017/zhsz")
                .set("encryption.keys", "k1:AAAA"));

        assertThat(out.kinds()).doesNotContain("Secret");
        Map<String, Object> app = container(out.one("Deployment"));
        assertThat(secretRef(app, "ZHSZ_MONGODB_URI")).containsEntry("name", "school-db").containsEntry("key", "mongodb-uri");
        assertThat(secretRef(app, "ZHSZ_ENCRYPTION_KEYS")).containsEntry("name", "school-db").containsEntry("key", "encryption-keys");
        assertThat(get(out.one("Deployment"), "spec.strategy.type")).isEqualTo("RollingUpdate");
    }

    @Test
    void inlineSecretsGoIntoTheChartSecretNotTheConfigMap(@TempDir Path dir) throws IOException {
        String uri = "mongodb://zhsz:s3cret@m0:27017,m1:27017,m2:27017/zhsz?replicaSet=rs0&w=majority";
        Path values = dir.resolve("values.yaml");
        Files.writeString(values, """
                replicaCount: 3
                app:
                  demoData: never
                keycloak:
                  issuerUri: https://sso.example.org/realms/zhsz
                mongodb:
                  uri: "%s"
                encryption:
                  keys: "k2:bmV3,k1:b2xk"
                """.formatted(uri));

        Rendered out = render(t -> t.withValuesFile(values));

        Map<String, Object> secretData = map(get(out.one("Secret"), "data"));
        assertThat(decode(secretData.get("mongodb-uri"))).isEqualTo(uri);
        assertThat(decode(secretData.get("encryption-keys"))).isEqualTo("k2:bmV3,k1:b2xk");
        assertThat(out.text()).doesNotContain("s3cret");
        assertThat(secretRef(container(out.one("Deployment")), "ZHSZ_MONGODB_URI")).containsEntry("name", "zhsz");
        assertThat(get(out.one("Deployment"), "spec.replicas")).isEqualTo(3);
    }

    @Test
    void changedSettingsAndSecretsChangeThePodTemplateSoPodsRoll() {
        Map<String, Object> before = annotations(render(t -> t));
        Map<String, Object> otherIssuer = annotations(render(t -> t.set("keycloak.issuerUri", "https://sso.example.org/realms/x")));
        Map<String, Object> otherKeys = annotations(render(t -> t.set("encryption.keys", "k9:AAAA")));

        assertThat(otherIssuer.get("checksum/config")).isNotEqualTo(before.get("checksum/config"));
        assertThat(otherIssuer.get("checksum/secret")).isEqualTo(before.get("checksum/secret"));
        assertThat(otherKeys.get("checksum/secret")).isNotEqualTo(before.get("checksum/secret"));
    }

    @Test
    void signingMountsTheKeystoreReadOnlyFromTheChartSecret() {
        Rendered out = render(t -> t
                .set("signing.enabled", true)
                .set("signing.keystoreBase64", "MIIKeystore")
                .set("signing.keystorePassword", "pw"));

        Map<String, Object> pod = map(get(out.one("Deployment"), "spec.template.spec"));
        assertThat(get(volume(pod, "signing"), "secret.items[0].path")).isEqualTo("keystore.p12");
        assertThat(map(get(out.one("Secret"), "data"))).containsKeys("signing-keystore.p12", "signing-keystore-password");
        assertThat(map(get(out.one("ConfigMap"), "data"))).containsEntry("ZHSZ_SIGNING_KEYSTORE", "/etc/zhsz/signing/keystore.p12");
    }

    // ---- refusals ----

    @Test
    void refusesToRenderWithoutMongoWhenDemoModeIsOff() {
        assertThatThrownBy(() -> render(t -> t.set("app.demoData", "never")))
                .hasMessageContaining("No MongoDB configured");
        assertThatThrownBy(() -> render(t -> t.withValuesFile(PRODUCTION_VALUES).set("secrets.existingSecret", "")))
                .hasMessageContaining("No MongoDB configured");
    }

    @Test
    void refusesSeveralReplicasOnTheEmbeddedStore() {
        assertThatThrownBy(() -> render(t -> t.set("replicaCount", 2)))
                .hasMessageContaining("replicaCount is 2 but the embedded store");
        assertThatThrownBy(() -> render(t -> t.set("autoscaling.enabled", true)))
                .hasMessageContaining("autoscaling.enabled needs an external MongoDB");
        // the same replica count is fine once a replica set is configured
        assertThat(render(t -> t.set("replicaCount", 2).set("secrets.existingSecret", "db")).kinds()).contains("Deployment");
    }

    @Test
    void refusesProductionWithoutIssuerOrEncryptionKeys() {
        assertThatThrownBy(() -> render(t -> t.set("app.demoData", "never").set("mongodb.uri", "mongodb://db:27017/zhsz")))
                .hasMessageContaining("keycloak.issuerUri is required");
        assertThatThrownBy(() -> render(t -> t.set("app.demoData", "never").set("mongodb.uri", "mongodb://db:27017/zhsz")
                .set("keycloak.issuerUri", "https://sso.example.org/realms/zhsz")))
                .hasMessageContaining("encryption.keys");
        assertThatThrownBy(() -> render(t -> t.set("signing.enabled", true)))
                .hasMessageContaining("signing.enabled needs");
    }

    @Test
    void schemaRejectsUnknownValuesAndWrongTypes() {
        assertThatThrownBy(() -> render(t -> t.set("replicas", 3))).hasMessageContaining("replicas");
        assertThatThrownBy(() -> render(t -> t.set("app.demoData", "sometimes"))).hasMessageContaining("app.demoData");
        assertThatThrownBy(() -> render(t -> t.set("encryption.keys", "no-colon"))).hasMessageContaining("encryption.keys");
    }

    // ---- documentation ----

    @Test
    void everyValueIsDocumented() throws IOException {
        List<String> undocumented = ValuesDocumentation.undocumentedKeys(Files.readAllLines(CHART.resolve("values.yaml")));

        assertThat(undocumented).as("keys in values.yaml without a comment").isEmpty();
    }

    @Test
    void schemaAndReadmeCoverEveryTopLevelValue() throws IOException {
        Map<String, Object> values = map(yaml().load(Files.readString(CHART.resolve("values.yaml"))));
        Map<String, Object> schema = map(yaml().load(Files.readString(CHART.resolve("values.schema.json"))));
        String readme = Files.readString(CHART.resolve("README.md"));

        assertThat(map(schema.get("properties")).keySet()).containsAll(values.keySet());
        for (String key : values.keySet()) {
            assertThat(readme).as("README mentions " + key).contains("`" + key + "`");
        }
    }

    // ---- helpers ----

    private static Rendered render(UnaryOperator<TemplateCommand> options) {
        String text = options.apply(helm.template().withName("zhsz").withNamespace("zhsz")).call();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml().loadAll(text)) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return new Rendered(text, docs);
    }

    private record Rendered(String text, List<Map<String, Object>> docs) {

        List<String> kinds() {
            return docs.stream().map(d -> (String) d.get("kind")).collect(Collectors.toList());
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
            assertThat(found).as("exactly one " + kind).hasSize(1);
            return found.get(0);
        }
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    /** Reads a dotted path with optional list indexes, e.g. {@code spec.tls[0].hosts}; null when absent. */
    static Object get(Object root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            String key = part;
            Integer index = null;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                key = part.substring(0, bracket);
                index = Integer.valueOf(part.substring(bracket + 1, part.length() - 1));
            }
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
            if (index != null) {
                if (!(current instanceof List<?> l) || l.size() <= index) {
                    return null;
                }
                current = l.get(index);
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return map(get(deployment, "spec.template.spec.containers[0]"));
    }

    private static Map<String, Object> ingress(Rendered out) {
        return out.one("Ingress");
    }

    private static Map<String, Object> annotations(Rendered out) {
        return map(get(out.one("Deployment"), "spec.template.metadata.annotations"));
    }

    private static List<Object> mountPaths(Map<String, Object> container) {
        return list(container.get("volumeMounts")).stream().map(m -> map(m).get("mountPath")).collect(Collectors.toList());
    }

    private static Map<String, Object> volume(Map<String, Object> pod, String name) {
        return list(pod.get("volumes")).stream().map(HelmChartTests::map)
                .filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static List<Object> envNames(Map<String, Object> container) {
        return list(container.get("env")).stream().map(e -> map(e).get("name")).collect(Collectors.toList());
    }

    private static Map<String, Object> secretRef(Map<String, Object> container, String env) {
        Map<String, Object> entry = list(container.get("env")).stream().map(HelmChartTests::map)
                .filter(e -> env.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + env));
        return new LinkedHashMap<>(map(get(entry, "valueFrom.secretKeyRef")));
    }

    private static String decode(Object base64) {
        return new String(Base64.getDecoder().decode((String) base64), StandardCharsets.UTF_8);
    }
}
