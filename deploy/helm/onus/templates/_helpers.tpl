{{- define "onus.name" -}}onus{{- end -}}

{{- define "onus.fullname" -}}
{{- if contains "onus" .Release.Name -}}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{- else -}}{{ printf "%s-onus" .Release.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "onus.labels" -}}
app.kubernetes.io/name: onus
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "onus.selector" -}}
app.kubernetes.io/name: onus
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end -}}

{{- define "onus.image" -}}
{{- if .Values.image.digest -}}{{ .Values.image.repository }}:{{ .Values.image.tag }}@{{ .Values.image.digest }}{{- else -}}{{ .Values.image.repository }}:{{ .Values.image.tag }}{{- end -}}
{{- end -}}

{{- define "onus.excluded" -}}
{{- $ns := append .Values.admission.excludeNamespaces .Release.Namespace | uniq -}}
{{- $ns | join "," -}}
{{- end -}}
