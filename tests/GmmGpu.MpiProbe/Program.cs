using System.Diagnostics;
using System.Globalization;
using GmmGpu.Distributed;

// Usage, under mpiexec -n P (or alone, as a job of size 1):
//   dotnet GmmGpu.MpiProbe.dll                     collectives; one line per rank
//   dotnet GmmGpu.MpiProbe.dll --abort             rank 1 (or 0 alone) aborts with code 3
//   dotnet GmmGpu.MpiProbe.dll --time-allreduce N  N all-reduces of K(1+D+D²) doubles
using var world = MpiCommunicator.Start();
switch (args)
{
    case []:
        Collectives(world);
        break;
    case ["--abort"]:
        AbortOneRank(world);
        break;
    case ["--time-allreduce", string count]:
        TimeAllReduce(world, int.Parse(count, CultureInfo.InvariantCulture));
        break;
    default:
        Console.Error.WriteLine(
            $"Unknown arguments '{string.Join(' ', args)}': use none, --abort or "
            + "--time-allreduce N.");
        return 2;
}

return 0;

// Rank r holds [r + 1, 10(r + 1), -r]; broadcast sends 100·root + 7 from root 1 (0 alone).
static void Collectives(MpiCommunicator world)
{
    double[] Values() => [world.Rank + 1, 10 * (world.Rank + 1), -world.Rank];
    double[] sum = Values(), min = Values(), max = Values();
    world.AllReduceSum(sum);
    world.AllReduceMin(min);
    world.AllReduceMax(max);
    int root = Math.Min(1, world.Size - 1);
    double[] broadcast = [100 * world.Rank + 7];
    world.Broadcast(broadcast, root);
    world.Barrier();
    Console.WriteLine(
        $"rank {world.Rank}/{world.Size} sum={Join(sum)} min={Join(min)} max={Join(max)} "
        + $"bcast={Join(broadcast)}");
}

// The other ranks wait in a barrier that only the abort can end.
static void AbortOneRank(MpiCommunicator world)
{
    if (world.Rank == Math.Min(1, world.Size - 1))
    {
        world.Abort(3);
    }

    world.Barrier();
}

// The all-reduce of one EM iteration's statistics at K = 64, D = 8: K·(1 + D + D²) doubles.
static void TimeAllReduce(MpiCommunicator world, int repetitions)
{
    const int Components = 64, Features = 8;
    var statistics = new double[Components * (1 + Features + (Features * Features))];
    for (int warmUp = 0; warmUp < 10; warmUp++)
    {
        world.AllReduceSum(statistics);
    }

    world.Barrier();
    var clock = Stopwatch.StartNew();
    for (int repetition = 0; repetition < repetitions; repetition++)
    {
        world.AllReduceSum(statistics);
    }

    double[] microseconds = [clock.Elapsed.TotalMicroseconds / repetitions];
    world.AllReduceMax(microseconds);
    if (world.Rank == 0)
    {
        Console.WriteLine(
            $"allreduce {statistics.Length} doubles x {repetitions} on {world.Size} ranks: "
            + $"{microseconds[0].ToString("F1", CultureInfo.InvariantCulture)} us per call "
            + $"({world.LibraryDescription})");
    }
}

static string Join(double[] values) =>
    string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
