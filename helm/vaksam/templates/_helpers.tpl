{{/*
Chart name, overridable.
*/}}
{{- define "vaksam.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Release-scoped base name. Kept to 42 characters so "<fullname>-network-coordination" still fits the 63-character
limit of Kubernetes names.
*/}}
{{- define "vaksam.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 42 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 42 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 42 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Name of one service's objects. Call with (dict "root" $ "service" $name).
*/}}
{{- define "vaksam.serviceFullname" -}}
{{- printf "%s-%s" (include "vaksam.fullname" .root) .service | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "vaksam.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object. Call with (dict "root" $ "component" "<component>" "version" "<version or empty>").
*/}}
{{- define "vaksam.labels" -}}
helm.sh/chart: {{ include "vaksam.chart" .root }}
{{ include "vaksam.selectorLabels" . }}
app.kubernetes.io/version: {{ default .root.Chart.AppVersion .version | quote }}
app.kubernetes.io/part-of: vaksam
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/*
Selector labels: stable for the life of a Deployment, so no version here. Same arguments as vaksam.labels.
*/}}
{{- define "vaksam.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vaksam.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Image tag of a service: its own, else the chart's appVersion. Call with (dict "root" $ "values" $svc).
*/}}
{{- define "vaksam.imageTag" -}}
{{- default .root.Chart.AppVersion .values.image.tag }}
{{- end }}

{{/*
Pod-level security context shared by every workload.
*/}}
{{- define "vaksam.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .runAsUser }}
runAsGroup: {{ .runAsUser }}
fsGroup: {{ .runAsUser }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
Container-level security context shared by every container.
*/}}
{{- define "vaksam.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
{{- end }}

{{/*
Name of the shared Secret the services read (chart-rendered or existing).
*/}}
{{- define "vaksam.sharedSecretName" -}}
{{- default (include "vaksam.fullname" .) .Values.secrets.existingSecret }}
{{- end }}
