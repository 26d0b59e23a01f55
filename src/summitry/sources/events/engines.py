"""The two engines the one Ibis pipeline runs on: DuckDB (default) and Spark local mode.

Spark is optional (`pip install 'summitry[spark]'`, Java 17). Its session is created
once per process and shared, because starting the JVM costs seconds; it binds to the
loopback address and runs without the web UI.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import ibis
import ibis.expr.types as ir

from summitry.errors import SummitryError

Engine = Literal["duckdb", "spark"]
ENGINES: tuple[str, ...] = ("duckdb", "spark")

_SPARK: Any = None


def spark_session(cores: int | None = None, memory: str | None = None) -> Any:
    """The shared local Spark session (created on first use)."""
    global _SPARK
    if _SPARK is not None:
        return _SPARK
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SummitryError("the Spark engine needs pyspark: pip install 'summitry[spark]' (and Java 17)") from None
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", os.environ.get("PYSPARK_PYTHON", "python3"))
    cores = cores or int(os.environ.get("SUMMITRY_SPARK_CORES", "2"))
    builder = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("summitry-events")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(max(2, cores * 2)))
        .config("spark.default.parallelism", str(max(2, cores * 2)))
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", memory or os.environ.get("SUMMITRY_SPARK_MEMORY", "4g"))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    _SPARK = builder.getOrCreate()
    _SPARK.sparkContext.setLogLevel("ERROR")
    return _SPARK


def connect(engine: str = "duckdb") -> Any:
    """An Ibis backend for `engine`."""
    if engine == "duckdb":
        return ibis.duckdb.connect()
    if engine == "spark":
        return ibis.pyspark.connect(spark_session())
    raise SummitryError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)}")


def read_parquet(con: Any, paths: list[Path], name: str) -> ir.Table:
    """A table over Parquet parts; DuckDB takes the list, Spark a directory or list."""
    strs = [str(p) for p in paths]
    if con.name == "duckdb":
        return con.read_parquet(strs, table_name=name)
    # Spark: exactly the listed parts (not a folder glob), as a temporary view.
    spark_session().read.parquet(*strs).createOrReplaceTempView(name)
    return con.table(name)
