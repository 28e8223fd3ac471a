// Armadillo gmm_full / gmm_diag from a shared start:  arma_fit DATA.npy INIT.json ITER [VAR_FLOOR]
//
// Loads DATA.npy (float32, C order, N x D; that memory is exactly Armadillo's column-per-point
// D x N layout, so no transpose is needed), converts it to double, and reads the start model from
// INIT.json (GmmGpu's "gmmgpu-model" format).  Then, for ITER and for 1 EM iteration, each time
// from a fresh set_params(means, covs, hefts):
//     learn(data, K, maha_dist, keep_existing, 0 /*km_iter*/, iters /*em_iter*/, var_floor, false)
// and prints one JSON object with the timings, seconds_per_iteration = (t(ITER) - t(1)) / (ITER - 1),
// and score = avg_log_p(data) of the ITER-iteration model (mean log-likelihood per sample).
//
// var_floor (default 1e-6) is a floor on the diagonal of each covariance, applied only where a
// variance falls below it; scikit-learn's reg_covar=1e-6 is instead ADDED to every diagonal entry.
// With unit-scale data the floor never binds, so Armadillo runs unregularised EM: its covariances are
// 1e-6 smaller on the diagonal than sklearn's/gmm's, which shows up as a small log-likelihood gap.
//
// Build: g++ -O3 -march=native -fopenmp arma_fit.cpp -o arma_fit -larmadillo
#include <armadillo>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>
#ifdef _OPENMP
#include <omp.h>
#endif

using namespace arma;

// ---- minimal JSON reader (objects, arrays, numbers, strings, true/false/null) ----
struct Json {
    enum Kind { Null, Bool, Num, Str, Arr, Obj } kind = Null;
    double num = 0;
    bool b = false;
    std::string str;
    std::vector<Json> arr;
    std::map<std::string, Json> obj;
    const Json& at(const std::string& k) const {
        auto it = obj.find(k);
        if (kind != Obj || it == obj.end()) throw std::runtime_error("INIT.json: missing key " + k);
        return it->second;
    }
};

struct JsonParser {
    const std::string& s;
    size_t i = 0;
    explicit JsonParser(const std::string& text) : s(text) {}
    void ws() { while (i < s.size() && std::isspace((unsigned char)s[i])) ++i; }
    [[noreturn]] void fail(const char* what) {
        throw std::runtime_error(std::string("INIT.json: ") + what + " at offset " + std::to_string(i));
    }
    bool lit(const char* w) {
        size_t n = std::strlen(w);
        if (s.compare(i, n, w) == 0) { i += n; return true; }
        return false;
    }
    std::string string() {
        std::string out;
        ++i;  // opening quote
        while (i < s.size() && s[i] != '"') {
            if (s[i] == '\\') { ++i; if (i >= s.size()) fail("bad escape"); }
            out += s[i++];
        }
        if (i >= s.size()) fail("unterminated string");
        ++i;
        return out;
    }
    Json value() {
        ws();
        if (i >= s.size()) fail("unexpected end");
        Json j;
        char c = s[i];
        if (c == '{') {
            j.kind = Json::Obj; ++i; ws();
            if (s[i] == '}') { ++i; return j; }
            for (;;) {
                ws();
                if (s[i] != '"') fail("expected key");
                std::string k = string();
                ws();
                if (s[i] != ':') fail("expected ':'");
                ++i;
                j.obj[k] = value();
                ws();
                if (s[i] == ',') { ++i; continue; }
                if (s[i] == '}') { ++i; return j; }
                fail("expected ',' or '}'");
            }
        }
        if (c == '[') {
            j.kind = Json::Arr; ++i; ws();
            if (s[i] == ']') { ++i; return j; }
            for (;;) {
                j.arr.push_back(value());
                ws();
                if (s[i] == ',') { ++i; continue; }
                if (s[i] == ']') { ++i; return j; }
                fail("expected ',' or ']'");
            }
        }
        if (c == '"') { j.kind = Json::Str; j.str = string(); return j; }
        if (lit("true")) { j.kind = Json::Bool; j.b = true; return j; }
        if (lit("false")) { j.kind = Json::Bool; return j; }
        if (lit("null")) { return j; }
        char* end = nullptr;
        j.num = std::strtod(s.c_str() + i, &end);
        if (end == s.c_str() + i) fail("bad value");
        j.kind = Json::Num;
        i = end - s.c_str();
        return j;
    }
};

static double num(const Json& j) {
    if (j.kind != Json::Num) throw std::runtime_error("INIT.json: expected a number");
    return j.num;
}

// ---- .npy reader: float32, C order, 2-D ----
static fmat load_npy_f32(const std::string& path, uword& n, uword& d) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot open " + path);
    char magic[6];
    f.read(magic, 6);
    if (std::memcmp(magic, "\x93NUMPY", 6) != 0) throw std::runtime_error(path + ": not a .npy file");
    unsigned char ver[2];
    f.read(reinterpret_cast<char*>(ver), 2);
    uint32_t hlen = 0;
    if (ver[0] == 1) {
        unsigned char b[2]; f.read(reinterpret_cast<char*>(b), 2); hlen = b[0] | (b[1] << 8);
    } else {
        unsigned char b[4]; f.read(reinterpret_cast<char*>(b), 4);
        hlen = b[0] | (b[1] << 8) | (b[2] << 16) | ((uint32_t)b[3] << 24);
    }
    std::string header(hlen, ' ');
    f.read(&header[0], hlen);
    if (header.find("'descr': '<f4'") == std::string::npos) throw std::runtime_error(path + ": dtype must be <f4");
    if (header.find("'fortran_order': False") == std::string::npos) throw std::runtime_error(path + ": must be C order");
    size_t p = header.find("'shape': (");
    if (p == std::string::npos) throw std::runtime_error(path + ": no shape");
    p += 10;
    char* end = nullptr;
    n = std::strtoull(header.c_str() + p, &end, 10);
    while (*end == ',' || *end == ' ') ++end;
    d = std::strtoull(end, &end, 10);
    if (n == 0 || d == 0) throw std::runtime_error(path + ": must be 2-D and non-empty");
    fmat x(d, n);  // column per point == the C-order N x D buffer
    f.read(reinterpret_cast<char*>(x.memptr()), sizeof(float) * n * d);
    if (!f) throw std::runtime_error(path + ": truncated");
    return x;
}

using Clock = std::chrono::steady_clock;
static double secs(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s DATA.npy INIT.json ITER [VAR_FLOOR=1e-6]\n", argv[0]);
        return 2;
    }
    try {
        const std::string data_path = argv[1], init_path = argv[2];
        const uword iters = std::strtoull(argv[3], nullptr, 10);
        const double var_floor = argc > 4 ? std::strtod(argv[4], nullptr) : 1e-6;
        if (iters < 2) throw std::runtime_error("ITER must be >= 2");

        std::ifstream jf(init_path);
        if (!jf) throw std::runtime_error("cannot open " + init_path);
        std::stringstream ss; ss << jf.rdbuf();
        const std::string text = ss.str();
        JsonParser parser(text);
        const Json m = parser.value();
        if (m.at("format").str != "gmmgpu-model") throw std::runtime_error("INIT.json: not a gmmgpu-model file");
        const std::string cov_type = m.at("covariance_type").str;
        const uword K = (uword)num(m.at("n_components"));
        const uword D = (uword)num(m.at("n_features"));

        uword N = 0, Dx = 0;
        auto t_load0 = Clock::now();
        mat X = conv_to<mat>::from(load_npy_f32(data_path, N, Dx));
        auto t_load1 = Clock::now();
        if (Dx != D) throw std::runtime_error("data has " + std::to_string(Dx) + " features, model " + std::to_string(D));

        rowvec hefts(K);
        mat means(D, K);
        for (uword k = 0; k < K; ++k) {
            hefts(k) = num(m.at("weights_").arr.at(k));
            for (uword i = 0; i < D; ++i) means(i, k) = num(m.at("means_").arr.at(k).arr.at(i));
        }
        hefts /= accu(hefts);
        const Json& jc = m.at("covariances_");

        double t_n = 0, t_1 = 0, score = 0, t_score = 0;
        bool ok_n = false, ok_1 = false;
        if (cov_type == "full") {
            cube fcovs(D, D, K);
            for (uword k = 0; k < K; ++k)
                for (uword r = 0; r < D; ++r)
                    for (uword c = 0; c < D; ++c) fcovs(r, c, k) = num(jc.arr.at(k).arr.at(r).arr.at(c));
            auto run = [&](uword it, gmm_full& g) {
                g.set_params(means, fcovs, hefts);
                auto a = Clock::now();
                bool ok = g.learn(X, K, maha_dist, keep_existing, 0, it, var_floor, false);
                return std::make_pair(ok, secs(a, Clock::now()));
            };
            gmm_full g1, gn;
            std::tie(ok_1, t_1) = run(1, g1);
            std::tie(ok_n, t_n) = run(iters, gn);
            auto a = Clock::now();
            score = gn.avg_log_p(X);
            t_score = secs(a, Clock::now());
        } else if (cov_type == "diag") {
            mat dcovs(D, K);
            for (uword k = 0; k < K; ++k)
                for (uword i = 0; i < D; ++i) dcovs(i, k) = num(jc.arr.at(k).arr.at(i));
            auto run = [&](uword it, gmm_diag& g) {
                g.set_params(means, dcovs, hefts);
                auto a = Clock::now();
                bool ok = g.learn(X, K, maha_dist, keep_existing, 0, it, var_floor, false);
                return std::make_pair(ok, secs(a, Clock::now()));
            };
            gmm_diag g1, gn;
            std::tie(ok_1, t_1) = run(1, g1);
            std::tie(ok_n, t_n) = run(iters, gn);
            auto a = Clock::now();
            score = gn.avg_log_p(X);
            t_score = secs(a, Clock::now());
        } else {
            throw std::runtime_error("covariance_type " + cov_type + " not supported here");
        }

        int threads = 1;
#ifdef _OPENMP
        threads = omp_get_max_threads();
#endif
        std::printf("{\"tool\": \"armadillo\", \"version\": \"%u.%u.%u\", \"dtype\": \"float64\", "
                    "\"var_floor\": %.17g, \"openmp_threads\": %d, "
                    "\"n_samples\": %llu, \"n_features\": %llu, \"n_components\": %llu, \"covariance_type\": \"%s\", "
                    "\"n_iter\": %llu, \"learn_ok\": %s, \"learn_ok_1iter\": %s, "
                    "\"seconds_load\": %.6f, \"seconds_fit\": %.6f, \"seconds_fit_1iter\": %.6f, "
                    "\"seconds_per_iteration\": %.9f, \"seconds_score\": %.6f, \"score\": %.17g}\n",
                    arma_version::major, arma_version::minor, arma_version::patch, var_floor, threads,
                    (unsigned long long)N, (unsigned long long)D, (unsigned long long)K, cov_type.c_str(),
                    (unsigned long long)iters, ok_n ? "true" : "false", ok_1 ? "true" : "false",
                    secs(t_load0, t_load1), t_n, t_1, (t_n - t_1) / double(iters - 1), t_score, score);
        return ok_n ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "arma_fit: %s\n", e.what());
        return 1;
    }
}
