#!/usr/bin/env bash
# Validates the deployment files under deploy/ (compose, docker, k8s, prometheus, grafana) offline:
# no Docker engine, no cluster, no network. It installs nothing: a check whose tool is missing prints
# "SKIPPED: <check> (<tool> not installed)" and the others go on. Exits non-zero on any failure.
#
#   deploy/validate.sh
#
# Tools (Debian packages): docker-compose (or Docker's compose plugin), kubectl (or kustomize),
# prometheus (for promtool), python3 with python3-yaml; shellcheck if present.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

COMPOSE_FILE=deploy/compose/docker-compose.yml
# Stands in for deploy/compose/.env (keys are required): compose renders with its placeholder values.
IDENTITY_EXAMPLE=deploy/compose/identity.env.example
passed=0
failed=0
skipped=0

# check NAME COMMAND [ARGS...]: runs the command, prints its output only when it fails, and
# returns its success for checks that build on it.
check() {
  local name=$1
  shift
  if "$@" >"$WORK/out" 2>&1; then
    echo "PASSED: $name"
    passed=$((passed + 1))
  else
    echo "FAILED: $name"
    sed 's/^/    /' "$WORK/out"
    failed=$((failed + 1))
    return 1
  fi
}

skip() {
  echo "SKIPPED: $1 ($2 not installed)"
  skipped=$((skipped + 1))
}

have() { command -v "$1" >/dev/null 2>&1; }

have_python=false
have_pyyaml=false
if have python3; then
  have_python=true
  python3 -c 'import yaml' 2>/dev/null && have_pyyaml=true
fi

# Structural checks of the rendered and raw files; one sub-command per area.
cat >"$WORK/checks.py" <<'PY'
import json
import re
import sys
from pathlib import Path

import yaml

SERVICES = {"gateway-service": 8080, "partnership-service": 8081,
            "event-service": 8082, "matching-service": 8083}
DOMAIN = [s for s in SERVICES if s != "gateway-service"]
# Where each one's actuator (probes, /actuator/prometheus) answers: the gateway's on a management port of its
# own (GATEWAY_MANAGEMENT_PORT; its API port answers 404 there), the others' on their HTTP port.
MANAGEMENT_PORTS = {**SERVICES, "gateway-service": 8090}
MANAGEMENT_PORT_NAME = {name: "management" if MANAGEMENT_PORTS[name] != port else "http" for name, port in SERVICES.items()}
BACKENDS_SECRET = "urban-cooperation-backends"
# Identity between gateway and services: the private key reaches the gateway only, the public key every
# domain service; the first operator key partnership-service only. All three objects live outside the
# kustomization (examples in deploy/k8s/*.example.yaml).
IDENTITY_SECRET = "urban-cooperation-gateway-identity"
IDENTITY_PUBLIC = "urban-cooperation-gateway-identity-public"
BOOTSTRAP_SECRET = "urban-cooperation-bootstrap-operator-key"
PRIVATE_KEY = "UCP_IDENTITY_PRIVATE_KEY"
PUBLIC_KEY = "UCP_IDENTITY_PUBLIC_KEY"
BOOTSTRAP_KEY = "UCP_BOOTSTRAP_OPERATOR_KEY"
GATEWAY = "gateway-service"
GATEWAY_CONFIG = "gateway-service-config"
GATEWAY_SETTINGS = ("UCP_OIDC_ISSUER_URI", "UCP_OIDC_JWKS_URI", "UCP_OIDC_AUDIENCE", "REDIS_URL")
# Ports an egress rule on the gateway must admit, if one is ever added (the documented defaults).
KAFKA_PORT = 9092
REDIS_PORT = 6379
errors = []


def expect(condition, message):
    if not condition:
        errors.append(message)
    return condition


def load_all(path):
    return [d for d in yaml.safe_load_all(Path(path).read_text()) if d]


def index(docs):
    return {(d["kind"], d["metadata"]["name"]): d for d in docs}


def pod_specs(docs):
    """(kind/name, pod spec) of every rendered object that runs containers."""
    for d in docs:
        spec = d.get("spec") or {}
        if d["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"):
            yield f"{d['kind']}/{d['metadata']['name']}", spec["template"]["spec"]
        elif d["kind"] == "CronJob":
            yield f"{d['kind']}/{d['metadata']['name']}", spec["jobTemplate"]["spec"]["template"]["spec"]
        elif d["kind"] == "Pod":
            yield f"{d['kind']}/{d['metadata']['name']}", spec


def secret_uses(pod):
    """Secret names a pod reads in any way, and the env variable names of all its containers."""
    secrets, names = set(), set()
    for c in pod.get("initContainers", []) + pod.get("containers", []) + pod.get("ephemeralContainers", []):
        for e in c.get("env", []):
            names.add(e["name"])
            ref = e.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                secrets.add(ref["name"])
        for e in c.get("envFrom", []):
            if "secretRef" in e:
                secrets.add(e["secretRef"]["name"])
    for v in pod.get("volumes", []):
        if "secret" in v:
            secrets.add(v["secret"].get("secretName"))
        for source in v.get("projected", {}).get("sources", []):
            if "secret" in source:
                secrets.add(source["secret"].get("name"))
    return secrets, names


def env_ref(container, name):
    """The valueFrom of env variable `name` in the container, or None."""
    for e in container.get("env", []):
        if e["name"] == name:
            return e.get("valueFrom")
    return None


def ports_admit(rule, port):
    """Whether a NetworkPolicy rule's ports admit TCP `port` (no ports: all of them)."""
    ports = rule.get("ports")
    if not ports:
        return True
    for p in ports:
        if p.get("protocol", "TCP") != "TCP":
            continue
        start = p.get("port")
        if start is None or start == port or (isinstance(start, int) and start <= port <= p.get("endPort", start)):
            return True
    return False


def env_file_values(path):
    """KEY=VALUE lines of an env file (comments and blank lines skipped)."""
    values = {}
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def compose_env(svc, base_dir=None):
    """A compose service's environment (mapping or list form), plus its env files when base_dir is given."""
    env = {}
    if base_dir is not None:
        files = svc.get("env_file", [])
        for f in [files] if isinstance(files, str) else files:
            path = Path(base_dir) / (f if isinstance(f, str) else f.get("path", ""))
            if path.is_file():
                env.update(env_file_values(path))
    raw = svc.get("environment") or {}
    if isinstance(raw, list):
        raw = dict(item.split("=", 1) if "=" in item else (item, None) for item in raw)
    env.update({k: (None if v is None else str(v)) for k, v in raw.items()})
    return env


def k8s(mode, path):
    """Rendered kustomization: security, probes, metrics, backends, policies, budgets."""
    docs = load_all(path)
    objs = index(docs)
    replicas = 2 if mode == "production" else 1
    replication_factor = "3" if mode == "production" else "1"
    expect(("Secret", BACKENDS_SECRET) not in objs, f"{BACKENDS_SECRET} must not be rendered (it is created separately)")
    for name, port in SERVICES.items():
        where = f"{mode}: Deployment {name}"
        dep = objs.get(("Deployment", name))
        if not expect(dep is not None, f"{mode}: no Deployment {name}"):
            continue
        spec = dep["spec"]
        expect(spec.get("replicas") == replicas, f"{where}: replicas {spec.get('replicas')}, expected {replicas}")
        tmpl = spec["template"]
        labels = tmpl["metadata"].get("labels", {})
        expect(spec["selector"]["matchLabels"] == {"app": name}, f"{where}: selector must be app={name}")
        expect(labels.get("app") == name, f"{where}: pod label app={name} missing")
        ann = tmpl["metadata"].get("annotations", {})
        expect(ann.get("prometheus.io/scrape") == "true", f"{where}: prometheus.io/scrape")
        expect(ann.get("prometheus.io/path") == "/actuator/prometheus", f"{where}: prometheus.io/path")
        expect(ann.get("prometheus.io/port") == str(MANAGEMENT_PORTS[name]),
               f"{where}: prometheus.io/port != {MANAGEMENT_PORTS[name]}")
        pod = tmpl["spec"]
        psc = pod.get("securityContext", {})
        expect(psc.get("runAsNonRoot") is True, f"{where}: runAsNonRoot")
        expect(psc.get("runAsUser") == 10001, f"{where}: runAsUser 10001")
        expect(psc.get("seccompProfile", {}).get("type") == "RuntimeDefault", f"{where}: seccompProfile RuntimeDefault")
        expect(pod.get("automountServiceAccountToken") is False, f"{where}: automountServiceAccountToken false")
        sa = pod.get("serviceAccountName")
        expect(("ServiceAccount", sa) in objs, f"{where}: ServiceAccount {sa} not rendered")
        tmp_volumes = {v["name"] for v in pod.get("volumes", []) if "emptyDir" in v}
        containers = pod["containers"]
        expect(len(containers) == 1, f"{where}: one container expected")
        c = containers[0]
        expect(c["image"] == f"urban-cooperation/{name}:latest", f"{where}: image {c['image']}")
        csc = c.get("securityContext", {})
        expect(csc.get("readOnlyRootFilesystem") is True, f"{where}: readOnlyRootFilesystem")
        expect(csc.get("allowPrivilegeEscalation") is False, f"{where}: allowPrivilegeEscalation false")
        expect(csc.get("capabilities", {}).get("drop") == ["ALL"], f"{where}: capabilities drop ALL")
        expect(any(m["mountPath"] == "/tmp" and m["name"] in tmp_volumes for m in c.get("volumeMounts", [])),
               f"{where}: /tmp must be an emptyDir")
        res = c.get("resources", {})
        for kind in ("requests", "limits"):
            for r in ("cpu", "memory"):
                expect(r in res.get(kind, {}), f"{where}: resources.{kind}.{r} missing")
        ports = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
        expect(ports.get("http") == port, f"{where}: containerPort http != {port}")
        env = {e["name"]: e.get("value") for e in c.get("env", [])}
        expect(env.get("SERVER_PORT") == str(port), f"{where}: SERVER_PORT != {port}")
        probe_port = (MANAGEMENT_PORT_NAME[name], MANAGEMENT_PORTS[name])
        if name == GATEWAY:
            expect(ports.get("management") == MANAGEMENT_PORTS[name],
                   f"{where}: containerPort management != {MANAGEMENT_PORTS[name]}")
            expect(env.get("GATEWAY_MANAGEMENT_PORT") == str(MANAGEMENT_PORTS[name]),
                   f"{where}: GATEWAY_MANAGEMENT_PORT != {MANAGEMENT_PORTS[name]}")
        for probe, path in (("startupProbe", "/actuator/health/liveness"),
                            ("livenessProbe", "/actuator/health/liveness"),
                            ("readinessProbe", "/actuator/health/readiness")):
            got = c.get(probe, {}).get("httpGet", {})
            expect(got.get("path") == path and got.get("port") in probe_port,
                   f"{where}: {probe} must GET {path} on port {probe_port[0]}")
        secrets = [s["secretRef"]["name"] for s in c.get("envFrom", []) if "secretRef" in s]
        maps = [m["configMapRef"]["name"] for m in c.get("envFrom", []) if "configMapRef" in m]
        for m in maps:
            expect(("ConfigMap", m) in objs, f"{where}: ConfigMap {m} not rendered")
        data = {}
        for m in maps:
            data.update(objs.get(("ConfigMap", m), {}).get("data", {}))
        if name in DOMAIN:
            expect(secrets == [BACKENDS_SECRET], f"{where}: must read MONGODB_URI/KAFKA_BOOTSTRAP_SERVERS from {BACKENDS_SECRET}")
            expect(data.get("UCP_MESSAGING_REPLICATIONFACTOR") == replication_factor,
                   f"{where}: UCP_MESSAGING_REPLICATIONFACTOR {data.get('UCP_MESSAGING_REPLICATIONFACTOR')}, expected {replication_factor}")
            ref = env_ref(c, PUBLIC_KEY) or {}
            expect(ref.get("configMapKeyRef", {}).get("name") == IDENTITY_PUBLIC
                   and ref["configMapKeyRef"].get("key") == PUBLIC_KEY and not ref["configMapKeyRef"].get("optional"),
                   f"{where}: {PUBLIC_KEY} must come from ConfigMap {IDENTITY_PUBLIC} (key {PUBLIC_KEY}, not optional)")
            if name == "partnership-service":
                ref = env_ref(c, BOOTSTRAP_KEY) or {}
                expect(ref.get("secretKeyRef", {}).get("name") == BOOTSTRAP_SECRET
                       and ref["secretKeyRef"].get("key") == BOOTSTRAP_KEY and ref["secretKeyRef"].get("optional") is True,
                       f"{where}: {BOOTSTRAP_KEY} must come from the optional Secret {BOOTSTRAP_SECRET}")
        else:
            expect(not secrets, f"{where}: the gateway must not load a whole Secret (envFrom)")
            ref = env_ref(c, PRIVATE_KEY) or {}
            expect(ref.get("secretKeyRef", {}).get("name") == IDENTITY_SECRET
                   and ref["secretKeyRef"].get("key") == PRIVATE_KEY and not ref["secretKeyRef"].get("optional"),
                   f"{where}: {PRIVATE_KEY} must come from Secret {IDENTITY_SECRET} (key {PRIVATE_KEY}, not optional)")
            ref = env_ref(c, "KAFKA_BOOTSTRAP_SERVERS") or {}
            expect(ref.get("secretKeyRef", {}).get("name") == BACKENDS_SECRET
                   and ref["secretKeyRef"].get("key") == "KAFKA_BOOTSTRAP_SERVERS",
                   f"{where}: KAFKA_BOOTSTRAP_SERVERS must come from {BACKENDS_SECRET} (key KAFKA_BOOTSTRAP_SERVERS)")
            backend_keys = {e["valueFrom"]["secretKeyRef"].get("key") for e in c.get("env", [])
                            if e.get("valueFrom", {}).get("secretKeyRef", {}).get("name") == BACKENDS_SECRET}
            expect(backend_keys == {"KAFKA_BOOTSTRAP_SERVERS"} and "MONGODB_URI" not in env,
                   f"{where}: the gateway gets only KAFKA_BOOTSTRAP_SERVERS of {BACKENDS_SECRET}, no MongoDB URI")
            expect(GATEWAY_CONFIG in [m.rsplit("-", 1)[0] for m in maps],
                   f"{where}: ConfigMap {GATEWAY_CONFIG} must be loaded (envFrom)")
            for var in GATEWAY_SETTINGS:
                expect(var in data, f"{where}: {var} missing from its ConfigMaps")
            expect(data.get("UCP_OIDC_AUDIENCE"), f"{where}: UCP_OIDC_AUDIENCE must not be empty (no fallback then)")
            if mode == "base":
                for var in ("UCP_OIDC_ISSUER_URI", "REDIS_URL"):
                    expect(data.get(var) == "", f"{mode}: {var} must be empty by default, is {data.get(var)!r}")
            for var, target in (("PARTNERSHIP_SERVICE_URL", "partnership-service"), ("EVENT_SERVICE_URL", "event-service"),
                                ("MATCHING_SERVICE_URL", "matching-service")):
                expect(data.get(var) == f"http://{target}:{SERVICES[target]}", f"{where}: {var} = {data.get(var)}")
        svc = objs.get(("Service", name))
        if expect(svc is not None, f"{mode}: no Service {name}"):
            expect(svc["spec"].get("type", "ClusterIP") == "ClusterIP", f"{mode}: Service {name} must be ClusterIP")
            expect(svc["spec"]["selector"] == {"app": name}, f"{mode}: Service {name} selector")
            expect(any(p["port"] == port and p.get("targetPort") in ("http", port) for p in svc["spec"]["ports"]),
                   f"{mode}: Service {name} must expose {port}")
            if MANAGEMENT_PORTS[name] != port:
                expect(not any(p.get("targetPort") in ("management", MANAGEMENT_PORTS[name]) for p in svc["spec"]["ports"]),
                       f"{mode}: Service {name} must not expose its management port")
        pdbs = [d for d in docs if d["kind"] == "PodDisruptionBudget"
                and d["spec"]["selector"].get("matchLabels") == {"app": name}]
        expect(len(pdbs) == 1, f"{mode}: one PodDisruptionBudget for {name} expected, found {len(pdbs)}")

    # The identity private key reaches the gateway only, the bootstrap operator key partnership-service only,
    # in every rendered workload and in any form (env, envFrom, volume); neither is rendered itself.
    for kind, obj in ((("Secret", IDENTITY_SECRET)), ("ConfigMap", IDENTITY_PUBLIC), ("Secret", BOOTSTRAP_SECRET)):
        expect((kind, obj) not in objs, f"{mode}: {kind} {obj} must not be rendered (it is created separately)")
    for d in docs:
        if d["kind"] in ("Secret", "ConfigMap"):
            keys = set(d.get("data") or {}) | set(d.get("stringData") or {}) | set(d.get("binaryData") or {})
            expect(PRIVATE_KEY not in keys and BOOTSTRAP_KEY not in keys,
                   f"{mode}: {d['kind']} {d['metadata']['name']} must not carry {PRIVATE_KEY} or {BOOTSTRAP_KEY}")
    for workload, pod in pod_specs(docs):
        used, names = secret_uses(pod)
        if IDENTITY_SECRET in used or PRIVATE_KEY in names:
            expect(workload == f"Deployment/{GATEWAY}", f"{mode}: {workload} reads the identity private key; only the gateway may")
        if BOOTSTRAP_SECRET in used or BOOTSTRAP_KEY in names:
            expect(workload == "Deployment/partnership-service",
                   f"{mode}: {workload} reads the bootstrap operator key; only partnership-service may")

    # Egress is open in the base; should a policy ever restrict the gateway's, it must still admit Kafka
    # (the API keys: not ready without them), Redis and DNS.
    gateway_labels = objs[("Deployment", GATEWAY)]["spec"]["template"]["metadata"]["labels"]
    for p in docs:
        if p["kind"] != "NetworkPolicy" or "Egress" not in p["spec"].get("policyTypes", []):
            continue
        if not p["spec"]["podSelector"].get("matchLabels", {}).items() <= gateway_labels.items():
            continue
        rules = p["spec"].get("egress", [])
        for port, what in ((KAFKA_PORT, "Kafka"), (REDIS_PORT, "Redis"), (53, "DNS")):
            expect(any(ports_admit(r, port) for r in rules),
                   f"{mode}: NetworkPolicy {p['metadata']['name']} blocks the gateway's egress to {what} (port {port})")

    # Every policy that selects a domain pod admits only the gateway and Prometheus, on port http.
    policies = [d for d in docs if d["kind"] == "NetworkPolicy"]
    for name in DOMAIN:
        pod_labels = objs[("Deployment", name)]["spec"]["template"]["metadata"]["labels"]
        selecting = [p for p in policies
                     if p["spec"]["podSelector"].get("matchLabels", {}).items() <= pod_labels.items()]
        if not expect(selecting, f"{mode}: no NetworkPolicy selects {name}"):
            continue
        sources = set()
        for p in selecting:
            expect("Ingress" in p["spec"].get("policyTypes", []), f"{mode}: NetworkPolicy {p['metadata']['name']} policyTypes")
            for rule in p["spec"].get("ingress", []):
                expect(rule.get("ports") and all(x.get("port") in ("http", SERVICES[name]) for x in rule["ports"]),
                       f"{mode}: NetworkPolicy {p['metadata']['name']} must limit {name} to its HTTP port")
                for peer in rule.get("from", [None]):
                    if peer is None:
                        sources.add("anywhere")
                    elif "namespaceSelector" in peer:
                        sources.add("prometheus")
                    elif peer.get("podSelector", {}).get("matchLabels") == {"app": "gateway-service"}:
                        sources.add("gateway")
                    else:
                        sources.add(json.dumps(peer))
        expect(sources == {"gateway", "prometheus"}, f"{mode}: {name} admits {sorted(sources)}, expected gateway and prometheus")

    # The gateway's management port is open to Prometheus only; its API port to anyone.
    selecting = [p for p in policies if p["spec"]["podSelector"].get("matchLabels", {}).items() <= gateway_labels.items()]
    if expect(selecting, f"{mode}: no NetworkPolicy selects the gateway"):
        management = ("management", MANAGEMENT_PORTS[GATEWAY])
        for p in selecting:
            for rule in p["spec"].get("ingress", []):
                opens = not rule.get("ports") or any(x.get("port") in management for x in rule["ports"])
                if opens:
                    expect(rule.get("from") and all("namespaceSelector" in peer for peer in rule["from"]),
                           f"{mode}: NetworkPolicy {p['metadata']['name']} opens the gateway's management port beyond Prometheus")


def examples(k8s_dir):
    """The example Secret and Ingress parse, fit the manifests and are in no kustomization."""
    k8s_dir = Path(k8s_dir)
    secret = index(load_all(k8s_dir / "backends-secret.example.yaml"))
    s = secret.get(("Secret", BACKENDS_SECRET))
    if expect(s is not None, f"backends-secret.example.yaml: no Secret {BACKENDS_SECRET}"):
        for key in ("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS"):
            expect(key in s.get("stringData", {}), f"backends-secret.example.yaml: {key} missing")
        expect("replicaSet=" in s["stringData"].get("MONGODB_URI", "") or
               s["stringData"].get("MONGODB_URI", "").startswith("mongodb+srv://"),
               "backends-secret.example.yaml: MONGODB_URI should name a replica set")
    for file, kind, name, key in (("gateway-identity-secret.example.yaml", "Secret", IDENTITY_SECRET, PRIVATE_KEY),
                                  ("gateway-identity-public.example.yaml", "ConfigMap", IDENTITY_PUBLIC, PUBLIC_KEY),
                                  ("bootstrap-operator-key-secret.example.yaml", "Secret", BOOTSTRAP_SECRET, BOOTSTRAP_KEY)):
        objects = index(load_all(k8s_dir / file))
        obj = objects.get((kind, name))
        if expect(obj is not None and len(objects) == 1, f"{file}: exactly one {kind} {name} expected"):
            value = (obj.get("stringData") or obj.get("data") or {}).get(key, "")
            # A placeholder, so that nobody deploys (or commits) a working key from an example.
            expect("REPLACE_ME" in value, f"{file}: {key} must be a REPLACE_ME placeholder, not a key")
    ingress = [d for d in load_all(k8s_dir / "ingress.example.yaml") if d["kind"] == "Ingress"]
    if expect(len(ingress) == 1, "ingress.example.yaml: one Ingress expected"):
        backends = [p["backend"]["service"] for r in ingress[0]["spec"]["rules"] for p in r["http"]["paths"]]
        expect(backends and all(b["name"] == "gateway-service" for b in backends),
               "ingress.example.yaml: must route to gateway-service only")
    for kustomization in k8s_dir.rglob("kustomization.yaml"):
        text = kustomization.read_text()
        expect("example" not in re.sub(r"#.*", "", text),
               f"{kustomization}: example files must not be part of a kustomization")


def compose(compose_file, prometheus_dir):
    """Images, builds, health checks and dependencies; Prometheus targets match the compose services."""
    compose_file = Path(compose_file)
    doc = yaml.safe_load(compose_file.read_text())
    services = doc["services"]
    mongo = services.get("mongodb", {})
    expect(mongo.get("image") == "mongo:8", "compose: mongodb must use mongo:8")
    expect("--replSet" in mongo.get("command", []) and "rs0" in mongo.get("command", []), "compose: mongod --replSet rs0")
    expect("rs.initiate" in json.dumps(mongo.get("healthcheck", {})), "compose: mongodb healthcheck must initiate rs0")
    kafka = services.get("kafka", {})
    expect(kafka.get("image") == "apache/kafka:4.1.1", "compose: kafka must use apache/kafka:4.1.1")
    expect(kafka.get("environment", {}).get("KAFKA_PROCESS_ROLES") == "broker,controller", "compose: kafka KRaft broker+controller")
    for name, port in SERVICES.items():
        svc = services.get(name)
        if not expect(svc is not None, f"compose: no service {name}"):
            continue
        expect(svc.get("image") == f"urban-cooperation/{name}:latest", f"compose: {name} image")
        build = svc.get("build", {})
        expect(build.get("context") == "../.." and build.get("dockerfile") == "deploy/docker/Dockerfile"
               and build.get("args", {}).get("MODULE") == name, f"compose: {name} build")
        expect((Path(name) / "pom.xml").is_file(), f"compose: module {name} has no pom.xml")
        expect(str(svc.get("environment", {}).get("SERVER_PORT")) == str(port), f"compose: {name} SERVER_PORT")
        health = json.dumps(svc.get("healthcheck", {}))
        expect("/actuator/health/readiness" in health, f"compose: {name} healthcheck")
        if MANAGEMENT_PORTS[name] != port:
            expect(str(svc.get("environment", {}).get("GATEWAY_MANAGEMENT_PORT")) == str(MANAGEMENT_PORTS[name])
                   and "GATEWAY_MANAGEMENT_PORT" in health, f"compose: {name} healthcheck must use its management port")
            expect(not any(str(MANAGEMENT_PORTS[name]) in str(p) for p in svc.get("ports", [])),
                   f"compose: {name} must not publish its management port")
        deps = svc.get("depends_on", {})
        expect(isinstance(deps, dict) and deps and all(d.get("condition") == "service_healthy" for d in deps.values()),
               f"compose: {name} depends_on must wait for service_healthy")
        if name in DOMAIN:
            expect({"mongodb", "kafka"} <= set(deps), f"compose: {name} must wait for mongodb and kafka")
    expect(set(services["gateway-service"].get("depends_on", {})) >= set(DOMAIN), "compose: gateway waits for the domain services")
    # Keys: referenced by the gateway (private) and partnership-service (bootstrap) only, from .env by
    # interpolation; an env file holding them would hand every variable to its containers.
    for name, svc in services.items():
        text = json.dumps(svc)
        if PRIVATE_KEY in text:
            expect(name == GATEWAY, f"compose: {name} refers to {PRIVATE_KEY}; only the gateway may")
        if BOOTSTRAP_KEY in text:
            expect(name == "partnership-service", f"compose: {name} refers to {BOOTSTRAP_KEY}; only partnership-service may")
        files = svc.get("env_file", [])
        for f in [files] if isinstance(files, str) else files:
            f = Path(f if isinstance(f, str) else f.get("path", "")).name
            expect(f != ".env" and not f.startswith("identity.env"), f"compose: {name} must not load {f} (env_file)")
            path = compose_file.parent / f
            if path.is_file():
                expect(not {PRIVATE_KEY, PUBLIC_KEY, BOOTSTRAP_KEY} & set(env_file_values(path)),
                       f"compose: env_file {f} must not hold identity keys (they go into .env)")
    backends = env_file_values(compose_file.parent / "backends.env")
    gateway = compose_env(services[GATEWAY], compose_file.parent)
    expect(str(gateway.get(PRIVATE_KEY, "")).startswith("${" + PRIVATE_KEY + ":?"),
           f"compose: gateway needs {PRIVATE_KEY}: ${{{PRIVATE_KEY}:?...}} (required)")
    expect(gateway.get("KAFKA_BOOTSTRAP_SERVERS") == backends.get("KAFKA_BOOTSTRAP_SERVERS"),
           f"compose: gateway KAFKA_BOOTSTRAP_SERVERS {gateway.get('KAFKA_BOOTSTRAP_SERVERS')!r}, "
           f"backends.env has {backends.get('KAFKA_BOOTSTRAP_SERVERS')!r}")
    expect("MONGODB_URI" not in gateway, "compose: the gateway gets no MONGODB_URI")
    expect(services[GATEWAY].get("depends_on", {}).get("kafka", {}).get("condition") == "service_healthy",
           "compose: gateway must wait for kafka (service_healthy)")
    for var in GATEWAY_SETTINGS:
        expect(var in gateway, f"compose: gateway {var} missing")
    for name in DOMAIN:
        env = compose_env(services.get(name, {}), compose_file.parent)
        expect(str(env.get(PUBLIC_KEY, "")).startswith("${" + PUBLIC_KEY + ":?"),
               f"compose: {name} needs {PUBLIC_KEY}: ${{{PUBLIC_KEY}:?...}} (required)")
    redis = services.get("redis")
    if redis is not None:
        expect("redis" in redis.get("profiles", []), "compose: redis is optional (profile redis)")
        expect(not redis.get("ports"), "compose: redis must not be published")
    example = env_file_values(compose_file.parent / "identity.env.example")
    expect(set(example) == {PRIVATE_KEY, PUBLIC_KEY, BOOTSTRAP_KEY},
           f"identity.env.example: defines {sorted(example)}, expected {PRIVATE_KEY}, {PUBLIC_KEY}, {BOOTSTRAP_KEY}")
    expect(all("REPLACE_ME" in v for v in example.values()), "identity.env.example: values must be REPLACE_ME placeholders")
    ignored = (compose_file.parent / ".gitignore")
    ignored = ignored.read_text().split() if ignored.is_file() else []
    expect({".env", "identity.env"} <= set(ignored), "compose: .gitignore must ignore .env and identity.env")

    for svc in services.values():
        for f in svc.get("env_file", []):
            expect((compose_file.parent / f).is_file(), f"compose: env_file {f} missing")
        for v in svc.get("volumes", []):
            source = v.split(":")[0]
            if source.startswith("."):
                expect((compose_file.parent / source).exists(), f"compose: bind mount source {source} missing")
    for config, host in (("prometheus.yml", None), ("local.yml", "localhost")):
        prom = yaml.safe_load((Path(prometheus_dir) / config).read_text())
        targets = {}
        for job in prom["scrape_configs"]:
            for sc in job.get("static_configs", []):
                app = sc.get("labels", {}).get("application")
                if app:
                    expect(job.get("metrics_path") == "/actuator/prometheus", f"{config}: {job['job_name']} metrics_path")
                    targets[app] = sc["targets"]
        for name, port in MANAGEMENT_PORTS.items():
            expect(targets.get(name) == [f"{host or name}:{port}"], f"{config}: target of {name} is {targets.get(name)}")


def compose_rendered(rendered_file, example_file):
    """`compose config` with identity.env.example: each example value lands where it belongs, only there."""
    services = yaml.safe_load(Path(rendered_file).read_text())["services"]
    example = env_file_values(example_file)
    for name, svc in services.items():
        text = json.dumps(svc)
        env = compose_env(svc)
        if example[PRIVATE_KEY] in text:
            expect(name == GATEWAY, f"compose config: the private key reaches {name}")
        if example[BOOTSTRAP_KEY] in text:
            expect(name == "partnership-service", f"compose config: the bootstrap operator key reaches {name}")
        if name in DOMAIN:
            expect(env.get(PUBLIC_KEY) == example[PUBLIC_KEY], f"compose config: {name} does not get the public key")
    gateway = compose_env(services[GATEWAY])
    expect(gateway.get(PRIVATE_KEY) == example[PRIVATE_KEY], "compose config: the gateway does not get the private key")
    expect(services.get("partnership-service") and compose_env(services["partnership-service"]).get(BOOTSTRAP_KEY)
           == example[BOOTSTRAP_KEY], "compose config: partnership-service does not get the bootstrap operator key")
    kafka = {compose_env(services[n]).get("KAFKA_BOOTSTRAP_SERVERS") for n in DOMAIN if n in services}
    expect(gateway.get("KAFKA_BOOTSTRAP_SERVERS") and {gateway.get("KAFKA_BOOTSTRAP_SERVERS")} == kafka,
           f"compose config: gateway KAFKA_BOOTSTRAP_SERVERS {gateway.get('KAFKA_BOOTSTRAP_SERVERS')!r}, services use {kafka}")
    expect("MONGODB_URI" not in gateway, "compose config: the gateway gets a MONGODB_URI")


def grafana(grafana_dir, rules_out):
    """Provisioning fits the dashboards; every panel query is written out for promtool to parse."""
    grafana_dir = Path(grafana_dir)
    ds = yaml.safe_load((grafana_dir / "provisioning/datasources/prometheus.yml").read_text())
    uids = {d.get("uid") for d in ds["datasources"]}
    providers = yaml.safe_load((grafana_dir / "provisioning/dashboards/urban-cooperation.yml").read_text())
    expect(providers.get("providers"), "grafana: no dashboard provider")
    rules = []
    for f in sorted((grafana_dir / "dashboards").glob("*.json")):
        dash = json.loads(f.read_text())
        expect(dash.get("uid"), f"{f.name}: uid missing")
        variables = {v["name"] for v in dash.get("templating", {}).get("list", [])}
        expect("application" in variables, f"{f.name}: $application variable missing")
        panels = [p for p in dash["panels"] if p["type"] != "row"]
        for p in panels:
            expect(p.get("datasource", {}).get("uid") in uids, f"{f.name}: panel '{p['title']}' datasource not provisioned")
            for i, t in enumerate(p.get("targets", [])):
                expr = t.get("expr", "")
                if expect(expr.strip(), f"{f.name}: panel '{p['title']}' has an empty query"):
                    concrete = (expr.replace("$__rate_interval", "5m").replace("$__range", "1h")
                                .replace("$__interval", "1m").replace("$application", ".*"))
                    # The name points promtool's errors at the panel id and query in the JSON.
                    rules.append({"record": f"dashboard:{f.stem.replace('-', '_')}:panel_{p['id']}_{t.get('refId', i)}",
                                  "expr": concrete})
    Path(rules_out).write_text(yaml.safe_dump({"groups": [{"name": "dashboard-queries", "rules": rules}]}))


def dockerfile(path):
    text = Path(path).read_text()
    expect(re.search(r"^FROM eclipse-temurin:21-jdk AS build$", text, re.M), "Dockerfile: build stage on eclipse-temurin:21-jdk")
    expect(re.search(r"^FROM eclipse-temurin:21-jre$", text, re.M), "Dockerfile: runtime on eclipse-temurin:21-jre")
    expect(re.search(r"^ARG MODULE$", text, re.M), "Dockerfile: ARG MODULE")
    expect(re.search(r'mvnw .*-pl "\$MODULE" -am package -DskipTests', text), "Dockerfile: mvnw -pl $MODULE -am package")
    user = re.findall(r"^USER (\S+)", text, re.M)
    expect(user and not user[-1].startswith(("root", "0")), "Dockerfile: must end as a non-root USER")
    expect('ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]' in text, "Dockerfile: ENTRYPOINT")


command, *args = sys.argv[1:]
{"k8s": k8s, "examples": examples, "compose": compose, "compose-rendered": compose_rendered, "grafana": grafana,
 "dockerfile": dockerfile}[command](*args)
for e in errors:
    print(e)
sys.exit(1 if errors else 0)
PY

py_check() { python3 "$WORK/checks.py" "$@"; }

# ---- compose -------------------------------------------------------------------------------
compose_cmd=()
if have docker-compose; then
  compose_cmd=(docker-compose)
elif have docker && docker compose version >/dev/null 2>&1; then
  compose_cmd=(docker compose)
fi
# compose ENV_FILE ARGS...: the caller's environment would override the env file, so the stack's own
# variables are left out of it.
compose() {
  local env_file=$1
  shift
  env -u UCP_IDENTITY_PRIVATE_KEY -u UCP_IDENTITY_PUBLIC_KEY -u UCP_BOOTSTRAP_OPERATOR_KEY \
    -u UCP_OIDC_ISSUER_URI -u UCP_OIDC_JWKS_URI -u UCP_OIDC_AUDIENCE -u REDIS_URL -u COMPOSE_PROFILES \
    "${compose_cmd[@]}" --env-file "$env_file" -f "$COMPOSE_FILE" "$@"
}
# Without the keys compose must refuse, naming where they go.
compose_requires_keys() {
  : >"$WORK/empty.env"
  if compose "$WORK/empty.env" config -q; then
    echo "rendered without UCP_IDENTITY_PRIVATE_KEY/UCP_IDENTITY_PUBLIC_KEY; they must be required (\${VAR:?...})"
    return 1
  fi
}
# Renders with the example keys and follows each value to the containers it reaches (env files included).
compose_keys_rendered() {
  compose "$IDENTITY_EXAMPLE" config >"$WORK/compose.yaml" && py_check compose-rendered "$WORK/compose.yaml" "$IDENTITY_EXAMPLE"
}
if [ ${#compose_cmd[@]} -gt 0 ]; then
  check "${compose_cmd[*]} config ($COMPOSE_FILE with $IDENTITY_EXAMPLE)" compose "$IDENTITY_EXAMPLE" config -q
  check "${compose_cmd[*]} config refuses to render without the identity keys" compose_requires_keys
  if $have_pyyaml; then
    check "compose config: private key to the gateway only, public key to every domain service, Kafka to the gateway" \
      compose_keys_rendered
  else
    skip "rendered compose keys" python3-yaml
  fi
else
  skip "docker-compose config" docker-compose
fi
if $have_pyyaml; then
  check "compose services, health checks, keys, Kafka and Prometheus targets" py_check compose "$COMPOSE_FILE" deploy/prometheus
  check "Dockerfile (deploy/docker/Dockerfile)" py_check dockerfile deploy/docker/Dockerfile
else
  skip "compose structure" python3-yaml
  skip "Dockerfile structure" python3-yaml
fi

# ---- kubernetes ----------------------------------------------------------------------------
# Rendered only: `kubectl apply --dry-run` needs a cluster.
render() {
  if have kubectl; then kubectl kustomize "$1" >"$2"; else kustomize build "$1" >"$2"; fi
}
for target in base:deploy/k8s production:deploy/k8s/overlays/production; do
  mode=${target%%:*}
  dir=${target#*:}
  if have kubectl || have kustomize; then
    if check "kustomize $dir" render "$dir" "$WORK/$mode.yaml"; then
      if $have_pyyaml; then
        check "rendered $dir: hardening, probes, metrics, backends, identity keys, policies" py_check k8s "$mode" "$WORK/$mode.yaml"
      else
        skip "rendered $dir structure" python3-yaml
      fi
    fi
  else
    skip "kustomize $dir" kubectl
  fi
done
if $have_pyyaml; then
  check "example Secrets, ConfigMap and Ingress (deploy/k8s/*.example.yaml)" py_check examples deploy/k8s
else
  skip "example Secrets, ConfigMap and Ingress" python3-yaml
fi

# ---- prometheus ----------------------------------------------------------------------------
if have promtool; then
  check "promtool check config deploy/prometheus/prometheus.yml" promtool check config deploy/prometheus/prometheus.yml
  check "promtool check config deploy/prometheus/local.yml" promtool check config deploy/prometheus/local.yml
  check "promtool check rules deploy/prometheus/alerts.yml" promtool check rules deploy/prometheus/alerts.yml
  check "promtool test rules deploy/prometheus/alerts.test.yml" promtool test rules deploy/prometheus/alerts.test.yml
else
  skip "promtool check config/rules" promtool
fi

# ---- grafana -------------------------------------------------------------------------------
if $have_python; then
  for dashboard in deploy/grafana/dashboards/*.json; do
    check "JSON $dashboard" python3 -m json.tool "$dashboard" /dev/null
  done
else
  skip "dashboard JSON" python3
fi
if $have_pyyaml; then
  check "Grafana provisioning and dashboard variables" py_check grafana deploy/grafana "$WORK/dashboard-queries.yml"
  if have promtool; then
    check "dashboard queries parse as PromQL" promtool check rules "$WORK/dashboard-queries.yml"
  else
    skip "dashboard PromQL" promtool
  fi
else
  skip "Grafana provisioning" python3-yaml
fi

# ---- this script ---------------------------------------------------------------------------
if have shellcheck; then
  check "shellcheck deploy/validate.sh" shellcheck deploy/validate.sh
else
  skip "shellcheck deploy/validate.sh" shellcheck
fi

echo
echo "validate: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
