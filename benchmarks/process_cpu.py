"""CPU seconds of this process and its waited-for children together (benchmarks of work done in child processes)."""
import resource


def own_and_children_cpu() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total
