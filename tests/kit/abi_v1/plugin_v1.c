/* A plugin written in plain C against the frozen v1 header only (abi_v1/sosei/sdk.h): what a
 * department built years ago. The ABI test loads and runs it with the current host. */
#include <sosei/sdk.h>
#include <string.h>

static const sosei_setting_spec kSettings[] = {
    {"count", SOSEI_SETTING_INTEGER, 0, "3", "observations to emit"},
};
static const sosei_series_spec kSeries[] = {{"*", "件", "the KPI of the source"}};

typedef struct {
  const sosei_host_api *api;
  sosei_host *host;
} instance_t;

static instance_t the_instance; /* one run at a time in a test: no allocation needed */

static int32_t create(const sosei_host_api *api, sosei_host *host, void **out) {
  the_instance.api = api;
  the_instance.host = host;
  *out = &the_instance;
  return SOSEI_OK;
}

static int32_t run(void *p) {
  instance_t *self = (instance_t *)p;
  const char *count_text = self->api->setting(self->host, "count");
  int count = count_text ? (int)(count_text[0] - '0') : 3;
  for (int i = 0; i < count; ++i) {
    sosei_observation o;
    memset(&o, 0, sizeof o);
    o.struct_size = sizeof o;
    o.series.data = "startups";
    o.series.size = 8;
    o.period.kind = SOSEI_PERIOD_FISCAL_YEAR;
    o.period.year = 2021 + i;
    o.value_kind = SOSEI_VALUE_NUMBER;
    o.number = (double)(i + 1);
    int32_t rc = self->api->emit(self->host, &o, 1);
    if (rc != SOSEI_OK) return rc;
  }
  self->api->log(self->host, SOSEI_LOG_INFO, "v1 plugin done");
  return SOSEI_OK;
}

static void destroy(void *p) { (void)p; }

SOSEI_EXPORT const sosei_plugin_descriptor *sosei_plugin_entry(void) {
  static const sosei_plugin_descriptor d = {
      SOSEI_API_VERSION, sizeof(sosei_plugin_descriptor), "legacy_v1", "1.0.0", "総合政策課",
      "built against the frozen v1 header", kSettings, 1, kSeries, 1, create, run, destroy};
  return &d;
}
