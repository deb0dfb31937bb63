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
BACKENDS_SECRET = "urban-cooperation-backends"
errors = []


def expect(condition, message):
    if not condition:
        errors.append(message)
    return condition


def load_all(path):
    return [d for d in yaml.safe_load_all(Path(path).read_text()) if d]


def index(docs):
    return {(d["kind"], d["metadata"]["name"]): d for d in docs}


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
        expect(ann.get("prometheus.io/port") == str(port), f"{where}: prometheus.io/port != {port}")
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
        for probe, path in (("startupProbe", "/actuator/health/liveness"),
                            ("livenessProbe", "/actuator/health/liveness"),
                            ("readinessProbe", "/actuator/health/readiness")):
            got = c.get(probe, {}).get("httpGet", {})
            expect(got.get("path") == path and got.get("port") in ("http", port), f"{where}: {probe} must GET {path}")
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
        else:
            expect(not secrets, f"{where}: the gateway needs no backend credentials")
            for var, target in (("PARTNERSHIP_SERVICE_URL", "partnership-service"), ("EVENT_SERVICE_URL", "event-service"),
                                ("MATCHING_SERVICE_URL", "matching-service")):
                expect(data.get(var) == f"http://{target}:{SERVICES[target]}", f"{where}: {var} = {data.get(var)}")
        svc = objs.get(("Service", name))
        if expect(svc is not None, f"{mode}: no Service {name}"):
            expect(svc["spec"].get("type", "ClusterIP") == "ClusterIP", f"{mode}: Service {name} must be ClusterIP")
            expect(svc["spec"]["selector"] == {"app": name}, f"{mode}: Service {name} selector")
            expect(any(p["port"] == port and p.get("targetPort") in ("http", port) for p in svc["spec"]["ports"]),
                   f"{mode}: Service {name} must expose {port}")
        pdbs = [d for d in docs if d["kind"] == "PodDisruptionBudget"
                and d["spec"]["selector"].get("matchLabels") == {"app": name}]
        expect(len(pdbs) == 1, f"{mode}: one PodDisruptionBudget for {name} expected, found {len(pdbs)}")

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
        expect("/actuator/health/readiness" in json.dumps(svc.get("healthcheck", {})), f"compose: {name} healthcheck")
        deps = svc.get("depends_on", {})
        expect(isinstance(deps, dict) and deps and all(d.get("condition") == "service_healthy" for d in deps.values()),
               f"compose: {name} depends_on must wait for service_healthy")
        if name in DOMAIN:
            expect({"mongodb", "kafka"} <= set(deps), f"compose: {name} must wait for mongodb and kafka")
    expect(set(services["gateway-service"].get("depends_on", {})) >= set(DOMAIN), "compose: gateway waits for the domain services")
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
        for name, port in SERVICES.items():
            expect(targets.get(name) == [f"{host or name}:{port}"], f"{config}: target of {name} is {targets.get(name)}")


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
{"k8s": k8s, "examples": examples, "compose": compose, "grafana": grafana, "dockerfile": dockerfile}[command](*args)
for e in errors:
    print(e)
sys.exit(1 if errors else 0)
PY

py_check() { python3 "$WORK/checks.py" "$@"; }

# ---- compose -------------------------------------------------------------------------------
if have docker-compose; then
  check "docker-compose config ($COMPOSE_FILE)" docker-compose -f "$COMPOSE_FILE" config -q
elif have docker && docker compose version >/dev/null 2>&1; then
  check "docker compose config ($COMPOSE_FILE)" docker compose -f "$COMPOSE_FILE" config -q
else
  skip "docker-compose config" docker-compose
fi
if $have_pyyaml; then
  check "compose services, health checks and Prometheus targets" py_check compose "$COMPOSE_FILE" deploy/prometheus
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
        check "rendered $dir: hardening, probes, metrics, backends, policies" py_check k8s "$mode" "$WORK/$mode.yaml"
      else
        skip "rendered $dir structure" python3-yaml
      fi
    fi
  else
    skip "kustomize $dir" kubectl
  fi
done
if $have_pyyaml; then
  check "example Secret and Ingress (deploy/k8s/*.example.yaml)" py_check examples deploy/k8s
else
  skip "example Secret and Ingress" python3-yaml
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
