"""The instances under soak: the packaged jar run as an operator runs it, on one PostgreSQL database,
each with its own home; and what is sampled from each process over time."""
import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request


class Service:
    def __init__(self, name, app, home, port, heap, properties):
        self.name = name
        self.app = app
        self.home = home
        self.port = port
        self.heap = heap
        self.properties = properties
        self.proc = None
        self.generation = 0
        self.log = os.path.join(home, "service.log")

    def start(self):
        os.makedirs(self.home, exist_ok=True)
        cmd = ["java", "-Xmx" + self.heap, "-Dquarkus.http.port=%d" % self.port, "-Dtyndau.home=" + self.home]
        cmd += ["-D%s=%s" % kv for kv in self.properties.items()]
        cmd += ["-jar", os.path.join(self.app, "quarkus-run.jar")]
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=self.home)
        self.generation += 1

    def pid(self):
        return self.proc.pid if self.proc and self.proc.poll() is None else None

    def await_ready(self, timeout=300):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("%s exited with %s; see %s" % (self.name, self.proc.returncode, self.log))
            try:
                if self.get("/q/health/ready", timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(1)
        raise RuntimeError("%s not ready after %d s; see %s" % (self.name, timeout, self.log))

    def get(self, path, timeout=60):
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d%s" % (self.port, path), timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def json(self, path, timeout=60):
        status, body = self.get(path, timeout)
        return json.loads(body) if status == 200 else None

    def post(self, path, body, content_type, key, timeout=60, length=None):
        """POST {@code body} (bytes, or a file of {@code length} bytes, streamed)."""
        headers = {"Content-Type": content_type, "Authorization": "Bearer " + key}
        if length is not None:
            headers["Content-Length"] = str(length)
        req = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path), data=body, method="POST", headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def kill(self):
        """SIGKILL: no shutdown hook runs, nothing is flushed."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.kill()


def metrics(service):
    """Heap used (sum of the heap pools), live threads and the index's lag, from /q/metrics."""
    status, body = service.get("/q/metrics", timeout=20)
    heap, threads, behind = 0.0, None, None
    for line in body.decode().splitlines():
        if line.startswith("jvm_memory_used_bytes{") and 'area="heap"' in line:
            heap += float(line.rsplit(" ", 1)[1])
        elif line.startswith("jvm_threads_live_threads"):
            threads = float(line.rsplit(" ", 1)[1])
        elif line.startswith("tyndau_index_behind"):
            behind = float(line.rsplit(" ", 1)[1])
    return heap, threads, behind


def process(pid):
    """RSS (bytes), threads, open file descriptors and how many of them are sockets, from /proc."""
    with open("/proc/%d/status" % pid) as f:
        status = f.read()
    rss = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) * 1024
    threads = int(re.search(r"Threads:\s+(\d+)", status).group(1))
    fds = sockets = 0
    for fd in os.listdir("/proc/%d/fd" % pid):
        fds += 1
        try:
            sockets += os.readlink("/proc/%d/fd/%s" % (pid, fd)).startswith("socket:")
        except OSError:
            pass  # closed meanwhile
    return rss, threads, fds, sockets


def sample(service, full_gc):
    """One sample of an instance; with full_gc, heap is also read after a full collection (jcmd GC.run)."""
    pid = service.pid()
    if pid is None:
        return None
    row = {"t": time.time(), "instance": service.name, "generation": service.generation, "pid": pid}
    try:
        row["rss"], row["os_threads"], row["fds"], row["sockets"] = process(pid)
        row["heap"], row["jvm_threads"], row["behind"] = metrics(service)
        if full_gc:
            subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
            row["heap_after_gc"] = metrics(service)[0]
    except (OSError, ValueError, AttributeError, subprocess.SubprocessError):
        return None  # the process went away between two reads
    return row
