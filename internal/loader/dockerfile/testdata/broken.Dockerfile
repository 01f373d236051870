RUN echo before from
FROM alpine:3.19
RUNN echo typo
COPY
USER app
