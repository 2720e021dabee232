{{/*
Chart name, truncated to the 63 characters a label value allows.
*/}}
{{- define "zhsz.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name: "<release>-<chart>", or the release name alone when it already contains the
chart name.
*/}}
{{- define "zhsz.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
"<chart>-<version>" for the helm.sh/chart label.
*/}}
{{- define "zhsz.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Standard labels (Kubernetes recommended labels) on every resource.
*/}}
{{- define "zhsz.labels" -}}
helm.sh/chart: {{ include "zhsz.chart" . }}
{{ include "zhsz.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: zhsz
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Selector labels: stable across upgrades (a Deployment's selector is immutable).
*/}}
{{- define "zhsz.selectorLabels" -}}
app.kubernetes.io/name: {{ include "zhsz.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: api
{{- end }}

{{/*
ServiceAccount the pods run as.
*/}}
{{- define "zhsz.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "zhsz.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: repository:tag, or repository@digest when a digest pins it.
*/}}
{{- define "zhsz.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
Name of the Secret holding the secret settings: the user's existingSecret or the chart's own.
*/}}
{{- define "zhsz.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "zhsz.fullname" .) }}
{{- end }}

{{/*
Name of the Secret holding the signing keystore.
*/}}
{{- define "zhsz.signingSecretName" -}}
{{- .Values.signing.existingSecret | default (include "zhsz.secretName" .) }}
{{- end }}

{{/*
"true" when the app talks to an external MongoDB (a URI in values or in the existing Secret), "" when it
falls back to the embedded store.
*/}}
{{- define "zhsz.externalMongo" -}}
{{- if or .Values.mongodb.uri .Values.secrets.existingSecret }}true{{- end }}
{{- end }}

{{/*
"true" when demo mode is on: demo data is not switched off.
*/}}
{{- define "zhsz.demoMode" -}}
{{- if ne (toString .Values.app.demoData) "never" }}true{{- end }}
{{- end }}

{{/*
"true" when the chart renders its own Secret: no existingSecret, and at least one secret setting given.
*/}}
{{- define "zhsz.renderSecret" -}}
{{- if and (not .Values.secrets.existingSecret) (or .Values.mongodb.uri .Values.encryption.keys .Values.accounts.clientSecret (and .Values.signing.enabled (not .Values.signing.existingSecret))) }}true{{- end }}
{{- end }}

{{/*
"true" when the app reads ZHSZ_ENCRYPTION_KEYS from a Secret.
*/}}
{{- define "zhsz.hasEncryptionKeys" -}}
{{- if or .Values.secrets.existingSecret .Values.encryption.keys }}true{{- end }}
{{- end }}

{{/*
Fails rendering on settings that would deploy something broken or unsafe. Included by the Deployment.
*/}}
{{- define "zhsz.validate" -}}
{{- $external := include "zhsz.externalMongo" . }}
{{- $demo := include "zhsz.demoMode" . }}
{{- if not (has (toString .Values.app.demoData) (list "auto" "always" "never")) }}
{{- fail (printf "app.demoData must be auto, always or never (got %q)" (toString .Values.app.demoData)) }}
{{- end }}
{{- if and (not $external) (not $demo) }}
{{- fail "No MongoDB configured: set mongodb.uri or secrets.existingSecret (a Secret with the connection string under secrets.keys.mongodbUri). The embedded store is only for demo mode (app.demoData auto or always)." }}
{{- end }}
{{- if not $external }}
{{- if gt (int .Values.replicaCount) 1 }}
{{- fail (printf "replicaCount is %d but the embedded store (no mongodb.uri, no secrets.existingSecret) is one file owned by one pod: use replicaCount 1 or configure an external MongoDB replica set." (int .Values.replicaCount)) }}
{{- end }}
{{- if .Values.autoscaling.enabled }}
{{- fail "autoscaling.enabled needs an external MongoDB: the embedded store cannot be shared by several pods. Set mongodb.uri or secrets.existingSecret." }}
{{- end }}
{{- end }}
{{- if not $demo }}
{{- if not .Values.keycloak.issuerUri }}
{{- fail "keycloak.issuerUri is required when demo mode is off (app.demoData: never), e.g. https://sso.example.org/realms/zhsz" }}
{{- end }}
{{- if not (include "zhsz.hasEncryptionKeys" .) }}
{{- fail "encryption.keys (keyId:base64key[,...]) or secrets.existingSecret is required when demo mode is off: mental-health fields must be encrypted with a key you keep." }}
{{- end }}
{{- end }}
{{- if and .Values.signing.enabled (not .Values.signing.existingSecret) (not .Values.secrets.existingSecret) }}
{{- if not (and .Values.signing.keystoreBase64 .Values.signing.keystorePassword) }}
{{- fail "signing.enabled needs signing.keystoreBase64 and signing.keystorePassword, or a Secret (signing.existingSecret or secrets.existingSecret) holding them." }}
{{- end }}
{{- end }}
{{- if and .Values.autoscaling.enabled (lt (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) }}
{{- fail "autoscaling.maxReplicas must not be below autoscaling.minReplicas" }}
{{- end }}
{{- end }}

{{/*
Container env entries that come from Secrets, plus app.extraEnv; empty when there are none.
*/}}
{{- define "zhsz.env" -}}
{{- $secretName := include "zhsz.secretName" . }}
{{- if include "zhsz.externalMongo" . }}
- name: ZHSZ_MONGODB_URI
  valueFrom:
    secretKeyRef:
      name: {{ $secretName }}
      key: {{ .Values.secrets.keys.mongodbUri }}
{{- end }}
{{- if include "zhsz.hasEncryptionKeys" . }}
- name: ZHSZ_ENCRYPTION_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ $secretName }}
      key: {{ .Values.secrets.keys.encryptionKeys }}
{{- end }}
{{- if or .Values.secrets.existingSecret .Values.accounts.clientSecret }}
- name: ZHSZ_PROVISIONING_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secretName }}
      key: {{ .Values.secrets.keys.provisioningSecret }}
      # an existing Secret without the key: no provisioning (accounts managed in Keycloak)
      optional: true
{{- end }}
{{- if .Values.signing.enabled }}
- name: ZHSZ_SIGNING_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "zhsz.signingSecretName" . }}
      key: {{ .Values.secrets.keys.signingKeystorePassword }}
{{- end }}
{{- with .Values.app.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}
