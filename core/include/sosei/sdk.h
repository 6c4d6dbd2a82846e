/* sosei plugin SDK: the binary boundary between the sosei host and an indicator plugin.
 *
 * Plain C so that any compiler's plugin loads into any compiler's host. Only the types below cross
 * the boundary: no C++ class, no third-party type, no exception. A plugin exports exactly one
 * function, sosei_plugin_entry(), returning a static descriptor; the host reads the descriptor's first
 * field (api_version) before anything else and refuses a plugin it cannot serve.
 *
 * ABI rules (see docs/plugin-abi.md):
 *   - Structures only grow at their end; each starts with its size or version so the other side knows
 *     which fields exist.
 *   - SOSEI_API_VERSION goes up by one when an entry is appended to sosei_host_api or a field to a
 *     descriptor; the host serves every version from SOSEI_API_VERSION_MIN to SOSEI_API_VERSION.
 *   - Whoever allocates frees: strings the host hands out live until the call named in their comment;
 *     strings the plugin hands over are copied by the host before the call returns.
 */
#ifndef SOSEI_SDK_H
#define SOSEI_SDK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this header. v1: the first published ABI. v2: the descriptor's display names
 * (display_names, display_name_count appended at its end); v1 plugins keep loading. */
#define SOSEI_API_VERSION 2u
/* Oldest plugin API version the host built from this header still loads. */
#define SOSEI_API_VERSION_MIN 1u

#if defined(_WIN32)
#define SOSEI_EXPORT __declspec(dllexport)
#else
#define SOSEI_EXPORT __attribute__((visibility("default")))
#endif

/* ---- results ------------------------------------------------------------------------------- */

typedef enum sosei_status {
  SOSEI_OK = 0,
  SOSEI_ERR_INPUT = 1,    /* the input data is wrong (bad row, bad file) */
  SOSEI_ERR_IO = 2,       /* a file or the network failed */
  SOSEI_ERR_CONFIG = 3,   /* a setting is missing or wrong */
  SOSEI_ERR_REJECTED = 4, /* the host refused an observation and the run must stop */
  SOSEI_ERR_INTERNAL = 5, /* a bug in the plugin */
  SOSEI_UNCHANGED = 6     /* fetch: the remote file has not changed since the last run */
} sosei_status;

/* ---- periods and values -------------------------------------------------------------------- */

typedef enum sosei_period_kind {
  SOSEI_PERIOD_FISCAL_YEAR = 1,   /* year = the April it starts in: FY2025 = 2025-04..2026-03 */
  SOSEI_PERIOD_CALENDAR_YEAR = 2, /* year */
  SOSEI_PERIOD_MONTH = 3,         /* year, month */
  SOSEI_PERIOD_DATE = 4           /* year, month, day */
} sosei_period_kind;

typedef struct sosei_period {
  int32_t kind; /* sosei_period_kind */
  int32_t year;
  int32_t month; /* 1..12 for MONTH and DATE, else 0 */
  int32_t day;   /* 1..31 for DATE, else 0 */
} sosei_period;

typedef enum sosei_value_kind {
  SOSEI_VALUE_NUMBER = 0,          /* `number` holds the value */
  SOSEI_VALUE_MISSING = 1,         /* no value could be measured (—, blank) */
  SOSEI_VALUE_NOT_CARRIED_OUT = 2, /* the project was not carried out (未実施) */
  SOSEI_VALUE_NOT_STARTED = 3,     /* 未着手 */
  SOSEI_VALUE_IN_PROGRESS = 4,     /* 実施中 */
  SOSEI_VALUE_DONE = 5             /* 実施 / 済 */
} sosei_value_kind;

/* Observation flags. */
#define SOSEI_OBS_SERIES_BREAK 0x1u /* not comparable with earlier values of the same series */

/* A UTF-8 string by pointer and length (not NUL-terminated), so a plugin can hand over fields
 * straight from its read buffer without copying. */
typedef struct sosei_str {
  const char* data;
  size_t size;
} sosei_str;

typedef struct sosei_dimension {
  sosei_str key;   /* e.g. "route", "spot", "district": [a-z0-9_]+ */
  sosei_str value; /* UTF-8 */
} sosei_dimension;

/* One observation. Strings only need to live until emit() returns. */
typedef struct sosei_observation {
  uint32_t struct_size; /* sizeof(sosei_observation) as the plugin saw it */
  uint32_t flags;       /* SOSEI_OBS_* */
  sosei_str series;     /* the KPI id, or a series the plugin declared */
  sosei_period period;
  const sosei_dimension* dimensions;
  uint32_t dimension_count;
  int32_t value_kind; /* sosei_value_kind */
  double number;      /* when value_kind == SOSEI_VALUE_NUMBER */
  sosei_str note;     /* optional: {NULL, 0} */
  sosei_str file;     /* optional input location: file name */
  uint64_t line;      /* optional input location: 1-based line, 0 when unknown */
} sosei_observation;

/* ---- what a plugin declares ---------------------------------------------------------------- */

typedef enum sosei_setting_type {
  SOSEI_SETTING_STRING = 1,
  SOSEI_SETTING_INTEGER = 2,
  SOSEI_SETTING_NUMBER = 3,
  SOSEI_SETTING_BOOLEAN = 4,
  SOSEI_SETTING_PATH = 5, /* a file path, resolved against the configuration's folder */
  SOSEI_SETTING_URL = 6
} sosei_setting_type;

typedef struct sosei_setting_spec {
  const char* name;
  int32_t type;              /* sosei_setting_type */
  int32_t required;          /* 1: the source must set it */
  const char* default_value; /* NULL: no default */
  const char* help;
} sosei_setting_spec;

typedef struct sosei_series_spec {
  const char* name; /* "*" = any KPI the source is bound to */
  const char* unit;
  const char* help;
} sosei_series_spec;

/* Display names (since v2): what a person reads instead of a series name, a dimension key or a coded
 * dimension value, in Japanese (the default) and English. The report and the dashboard show them in
 * drill-down captions, column headings and cells; a key without one is shown as it is. The element
 * layout is fixed: a later version that needs more adds another table. */
typedef enum sosei_name_kind {
  SOSEI_NAME_SERIES = 1,         /* key: a series the plugin emits, e.g. "monthly_visitors" */
  SOSEI_NAME_DIMENSION = 2,      /* key: a dimension key, e.g. "spot" */
  SOSEI_NAME_DIMENSION_VALUE = 3 /* key: a value of the dimension `dimension` as emitted, e.g. "yes" */
} sosei_name_kind;

typedef struct sosei_display_name {
  int32_t kind;          /* sosei_name_kind */
  const char* key;       /* the series name, dimension key or value */
  const char* dimension; /* SOSEI_NAME_DIMENSION_VALUE: the dimension key the value belongs to; else NULL */
  const char* name_ja;   /* e.g. "観光入込客数"; NULL or "": the English name is used */
  const char* name_en;   /* e.g. "Visitors"; NULL or "": the Japanese name is used */
} sosei_display_name;

/* ---- the host, as a plugin sees it --------------------------------------------------------- */

typedef struct sosei_host sosei_host;   /* opaque: one per run */
typedef struct sosei_input sosei_input; /* opaque: an open input stream */

typedef enum sosei_log_level {
  SOSEI_LOG_DEBUG = 0,
  SOSEI_LOG_INFO = 1,
  SOSEI_LOG_WARN = 2,
  SOSEI_LOG_ERROR = 3
} sosei_log_level;

/* Table of host functions. Append only; api_version says which entries exist. */
/* Host-provided settings (no plugin declares them): setting(SOSEI_SETTING_KPI_UNIT "startups") is the
 * unit the strategy declares for a KPI the source is bound to ("" when it has none, NULL for any
 * other KPI), for the value parser (sosei::Context::kpi_unit, sosei::parse_value with units). */
#define SOSEI_SETTING_KPI_UNIT "sosei.unit."

typedef struct sosei_host_api {
  uint32_t api_version;
  uint32_t struct_size;

  /* -- since v1 -- */
  void (*log)(sosei_host* host, int32_t level, const char* message);

  /* Validates and stores `count` observations. SOSEI_OK: all accepted or rejected-and-counted
   * (on_bad_row: skip); SOSEI_ERR_REJECTED: the run must stop (the host has recorded why). */
  int32_t (*emit)(sosei_host* host, const sosei_observation* observations, uint32_t count);

  /* The value of a declared setting, its default, or NULL when unset. Valid for the whole run. */
  const char* (*setting)(sosei_host* host, const char* name);

  /* Opens a local file as a UTF-8 byte stream. `encoding`: "auto" (UTF-8 with or without BOM,
   * else Shift_JIS/CP932, detected), "utf-8", "cp932", or "binary" (no conversion). An XLSX file is
   * streamed as CSV text of the sheet named `sheet` (NULL or "": the first sheet). */
  int32_t (*open_file)(sosei_host* host, const char* path, const char* encoding, const char* sheet, sosei_input** out);

  /* Fetches a URL through the host's HTTP service (timeouts, retries, size limit, ETag and
   * Last-Modified kept per source) and opens the body like open_file. SOSEI_UNCHANGED when the
   * server says the file has not changed since the last successful run. */
  int32_t (*fetch)(sosei_host* host, const char* url, const char* encoding, const char* sheet, sosei_input** out);

  /* Reads up to `capacity` bytes; *got == 0 at the end. */
  int32_t (*read)(sosei_host* host, sosei_input* input, char* buffer, size_t capacity, size_t* got);

  /* A display name for messages (file name or URL). Valid until close(). */
  const char* (*input_name)(sosei_host* host, sosei_input* input);

  void (*close)(sosei_host* host, sosei_input* input);

  /* Progress of the run, for the progress line; total 0 when unknown. */
  void (*progress)(sosei_host* host, uint64_t done, uint64_t total);

  /* Small persistent key-value state of this source, kept across runs and saved with the run.
   * state_get copies the value into buffer (NUL-terminated when it fits) and sets *length to its
   * byte length; returns SOSEI_ERR_INPUT when the key is unset. */
  int32_t (*state_get)(sosei_host* host, const char* key, char* buffer, size_t capacity, size_t* length);
  int32_t (*state_set)(sosei_host* host, const char* key, const char* value);

  /* Sets the message that goes with the error code the plugin is about to return. */
  void (*set_error)(sosei_host* host, const char* message);

  /* Reports an input record the plugin could not read (bad number, unknown id...). SOSEI_OK: the
   * source skips bad rows and the run goes on (the row is counted and listed in the run record);
   * SOSEI_ERR_REJECTED: the run fails with this location and reason. */
  int32_t (*reject)(sosei_host* host, const char* file, uint64_t line, const char* reason);
} sosei_host_api;

/* ---- the plugin, as the host sees it ------------------------------------------------------- */

typedef struct sosei_plugin_descriptor {
  uint32_t api_version; /* SOSEI_API_VERSION the plugin was built with: read first */
  uint32_t struct_size;

  const char* name;       /* unique, [a-z0-9_]+ */
  const char* version;    /* the plugin's own version, e.g. "1.2.0" */
  const char* department; /* owning department, e.g. "交通政策課" */
  const char* description;

  const sosei_setting_spec* settings;
  uint32_t setting_count;
  const sosei_series_spec* series;
  uint32_t series_count;

  /* Lifecycle: create (no input read yet), run (reads and emits), destroy. `instance` belongs to
   * the plugin. A non-OK result should come with set_error(). */
  int32_t (*create)(const sosei_host_api* api, sosei_host* host, void** instance);
  int32_t (*run)(void* instance);
  void (*destroy)(void* instance);

  /* -- since v2: the host reads these only when struct_size covers them (a v1 plugin has none) -- */
  const sosei_display_name* display_names; /* NULL when display_name_count is 0 */
  uint32_t display_name_count;
} sosei_plugin_descriptor;

/* The one exported entry point. */
typedef const sosei_plugin_descriptor* (*sosei_plugin_entry_fn)(void);
#define SOSEI_PLUGIN_ENTRY_SYMBOL "sosei_plugin_entry"

#ifdef __cplusplus
}
#endif

#endif /* SOSEI_SDK_H */
