# One build for every service; docker-compose.yml picks a service with its target (and
# local-stack for its database-setup job, which creates each service's database and role).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package

FROM eclipse-temurin:25-jre AS service-base
RUN useradd --system --uid 10001 app
USER app
WORKDIR /app
ENTRYPOINT ["java", "-jar", "/app/service.jar"]

FROM service-base AS gateway
COPY --from=build /src/platform/gateway/target/gateway-*-exec.jar /app/service.jar

FROM service-base AS ticket-service
COPY --from=build /src/ticket-service/target/ticket-service-*-exec.jar /app/service.jar

FROM service-base AS identity-service
COPY --from=build /src/platform/identity-service/target/identity-service-*-exec.jar /app/service.jar

FROM service-base AS comment-service
COPY --from=build /src/comment-service/target/comment-service-*-exec.jar /app/service.jar

FROM service-base AS notification-service
COPY --from=build /src/notification-service/target/notification-service-*-exec.jar /app/service.jar

FROM service-base AS admin-digest-service
COPY --from=build /src/admin-digest-service/target/admin-digest-service-*-exec.jar /app/service.jar

FROM service-base AS local-stack
COPY --from=build /src/platform/local-stack/target/local-stack-*-exec.jar /app/service.jar
