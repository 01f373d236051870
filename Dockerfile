# syntax=docker/dockerfile:1
#
# The onus image: one static binary on a distroless base, run as an
# unprivileged user. Build and use:
#
#   docker build --build-arg VERSION=v0.1.0 -t onus .
#   docker run --rm -v "$PWD:/src:ro" onus scan --format sarif . > onus.sarif
#
# Base images are pinned to versions; pin them to digests as well in your
# registry mirror (a digest cannot be looked up offline when this file is
# written, and a made-up one would break the build).

FROM golang:1.26.8-bookworm AS build
WORKDIR /build
# dependencies first, so that a source change keeps the module cache layer
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY cmd ./cmd
COPY internal ./internal
ARG VERSION=dev
ARG COMMIT=unknown
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath \
      -ldflags "-s -w -X github.com/onus-project/onus/internal/version.Version=${VERSION} -X github.com/onus-project/onus/internal/version.Commit=${COMMIT}" \
      -o /out/onus ./cmd/onus \
 && /out/onus version

# distroless static: no shell, no package manager, CA certificates and
# /etc/passwd with the nonroot user (65532)
FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="onus" \
      org.opencontainers.image.description="The cloud shared responsibility model, as code" \
      org.opencontainers.image.source="https://github.com/onus-project/onus"
COPY --from=build --chown=0:0 --chmod=0555 /out/onus /usr/local/bin/onus
USER 65532:65532
WORKDIR /src
# the same image runs `onus scan` (a command that exits) and `onus serve`,
# which Kubernetes probes at /healthz and /readyz (deploy/); distroless has
# no HTTP client a Docker health check could call
# onus:ignore ONUS-DF-010 Kubernetes probes /healthz; a scan exits on its own
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/onus"]
CMD ["scan", "."]
