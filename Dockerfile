# picon: one image for the API (`picon serve`) and the workers (`picon worker`).
# The image runs the JavaScript compiled in the build stage (dist/), so neither the API nor a worker's sandboxed
# tasks compile TypeScript at start. It also carries the sources, which the build stamp is checked against.
# Node 24: a long-term-support line (maintained to April 2028; Node 20 reached its end in April 2026).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# Compiles src/ and workers/ to dist/ (scripts/build.mjs) with TypeScript, a dev dependency the image leaves out.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY scripts ./scripts
COPY src ./src
COPY workers ./workers
RUN node scripts/build.mjs

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY --from=build /app/dist ./dist
COPY fixtures ./fixtures
USER node
EXPOSE 3000
# Node reaps the sandboxed solver children itself; tini-style init is provided by `init: true` in compose.
ENTRYPOINT ["node", "bin/picon.mjs"]
CMD ["serve"]
# The API's health: /readyz (Redis reachable). Workers replace it with their health file (docker-compose.yml).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
