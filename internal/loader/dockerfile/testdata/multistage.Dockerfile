# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22
ARG REGISTRY
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/root/.cache \
    go build -o /out/app ./cmd/app
USER builder

FROM build AS test
RUN go test ./...

# onus:ignore ONUS-DF-010 the health endpoint is probed by the orchestrator
FROM gcr.io/distroless/static-debian12@sha256:0123456789abcdef AS final
ARG APP_PORT=8080
ENV PORT=${APP_PORT} \
    AWS_SECRET_ACCESS_KEY=abc123
COPY --from=build --chown=app:app /out/app /app
ADD https://example.com/tool.tar.gz /tmp/
EXPOSE ${APP_PORT}/tcp 22
USER ${APP_USER}
HEALTHCHECK --interval=30s CMD ["/app", "health"]
ENTRYPOINT ["/app"]
CMD ["serve"]
