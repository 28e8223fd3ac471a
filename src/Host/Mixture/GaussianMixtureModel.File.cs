using GmmGpu.ModelFiles;

namespace GmmGpu;

public sealed partial class GaussianMixtureModel
{
    /// <summary>
    /// Writes the model as JSON (format "gmmgpu-model", version 1): covariance_type,
    /// n_components, n_features, weights_ (K), means_ (K, D), covariances_ and
    /// precisions_cholesky_ in scikit-learn's shape, converged_, n_iter_ and lower_bound_ (null
    /// when unknown). Numbers round-trip exactly. The file is written beside the target and
    /// moved over it, so a failed save leaves no partial file.
    /// </summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <exception cref="IOException">The folder is missing or not writable.</exception>
    /// <remarks>scikit-learn: the fitted attributes of GaussianMixture (cf. pickle.dump)</remarks>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ModelFile.Save(this, path);
    }

    /// <summary>
    /// Reads a model written by <see cref="Save"/>, validating its format, version, every
    /// shape, and that each covariance is symmetric positive definite.
    /// </summary>
    /// <param name="path">The model file.</param>
    /// <exception cref="Data.DataFormatException">
    /// The file is missing or not a valid model; the message names the file and the problem.
    /// </exception>
    /// <remarks>scikit-learn: the fitted attributes of GaussianMixture (cf. pickle.load)</remarks>
    public static GaussianMixtureModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ModelFileReader.Load(path);
    }
}
