// FP32 FMA peak probe: 12 independent vfmadd231ps zmm chains per thread, best of 5.
// gcc -O2 -mavx512f -mfma -include stdlib.h bench/peak/fma_peak.c -o fma_peak -lpthread && ./fma_peak 2
#include <immintrin.h>
#include <stdio.h>
#include <time.h>
#include <pthread.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static volatile float sink;
static void* run(void* arg){
  long iters=(long)arg;
  __m512 a[12]; __m512 m=_mm512_set1_ps(0.999999f), c=_mm512_set1_ps(1e-7f);
  for(int i=0;i<12;i++) a[i]=_mm512_set1_ps(i);
  for(long n=0;n<iters;n++){
    #pragma GCC unroll 12
    for(int i=0;i<12;i++) a[i]=_mm512_fmadd_ps(a[i],m,c);
  }
  float s=0; for(int i=0;i<12;i++) s+=_mm512_reduce_add_ps(a[i]); sink=s; return 0;}
int main(int argc,char**argv){
  long iters=200000000L/4; int threads=argc>1?atoi(argv[1]):1;
  double best=0;
  for(int rep=0;rep<5;rep++){
    pthread_t t[8]; double t0=now();
    for(int i=0;i<threads;i++) pthread_create(&t[i],0,run,(void*)iters);
    for(int i=0;i<threads;i++) pthread_join(t[i],0);
    double dt=now()-t0; double gf=threads*iters*12.0*16*2/dt/1e9; if(gf>best)best=gf;
  }
  printf("threads %d: best %.1f GFLOP/s FP32 FMA\n",threads,best);
}
