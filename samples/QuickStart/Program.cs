// QuickStart: fit a 3-component mixture to 30,000 points, predict, and save the model.
// Build and run: dotnet run --project samples/QuickStart (after dotnet pack, see README).
using GmmGpu;

const int Features = 2;
double[][] centres = [[-4, 0], [0, 3], [5, -1]];
float[] data = Blobs(centres, pointsPerBlob: 10_000, seed: 7);

using var mixture = new GaussianMixture(new GaussianMixtureOptions
{
    Components = centres.Length,
    CovarianceType = CovarianceType.Full,
    Device = ComputeDevice.Auto,
    Seed = 42,
});
GaussianMixtureModel model = mixture.Fit(data, Features);
int[] labels = model.Predict(data, mixture.Backend);

string path = args.Length > 0 ? args[0] : "quickstart-model.json";
model.Save(path);

Console.WriteLine(
    $"device {mixture.Backend.DeviceName}, {model.Iterations} iterations, " +
    $"converged {model.Converged}, mean log-likelihood {model.Score(data, mixture.Backend):F4}");
for (int k = 0; k < model.Components; k++)
{
    Console.WriteLine(
        $"component {k}: weight {model.Weights[k]:F3}, " +
        $"mean ({model.Means[k * Features]:F2}, {model.Means[(k * Features) + 1]:F2}), " +
        $"{labels.Count(label => label == k)} points");
}
Console.WriteLine($"saved {path}");

// Points around each centre with unit spread (Box-Muller), row-major (N, Features).
static float[] Blobs(double[][] centres, int pointsPerBlob, int seed)
{
    var random = new Random(seed);
    var points = new float[centres.Length * pointsPerBlob * Features];
    int i = 0;
    foreach (double[] centre in centres)
    {
        for (int n = 0; n < pointsPerBlob; n++)
        {
            for (int d = 0; d < Features; d++)
            {
                double u = 1 - random.NextDouble();
                double angle = 2 * Math.PI * random.NextDouble();
                double normal = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(angle);
                points[i++] = (float)(centre[d] + normal);
            }
        }
    }
    return points;
}
