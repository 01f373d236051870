FROM ubuntu
LABEL team=payments
RUN apt-get update && apt-get install -y curl \
 && curl -fsSL https://get.example.com | sh
RUN <<EOT
# onus:ignore ONUS-DF-999 this is a heredoc line, not a comment
echo hi
EOT
EXPOSE 80 9000-9010/udp
WORKDIR app
ENTRYPOINT /bin/start.sh
HEALTHCHECK NONE
# onus:ignore ONUS-DF-003 trailing comment belongs to the last stage
