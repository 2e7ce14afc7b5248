package org.asyncio4j.impl.subprocess

import org.asyncio4j.AsyncProcess
import org.asyncio4j.Stdio
import org.asyncio4j.SubprocessOptions
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.runningLoop
import org.asyncio4j.impl.streams.osError
import java.io.File
import java.io.IOException

/**
 * Python's `asyncio.create_subprocess_exec`/`create_subprocess_shell`. As in CPython, the process is started
 * (fork/exec) on the loop's thread; its pipes are then served by virtual threads.
 */
object Subprocesses {
    private val DEV_NULL = File("/dev/null")

    @JvmStatic
    fun createSubprocessExec(command: List<String>, options: SubprocessOptions): AsyncProcess {
        require(command.isNotEmpty()) { "createSubprocessExec needs a program to run" }
        return start(runningLoop(), command, options)
    }

    @JvmStatic
    fun createSubprocessShell(cmd: String, options: SubprocessOptions): AsyncProcess =
        start(runningLoop(), listOf("/bin/sh", "-c", cmd), options)

    internal fun start(loop: EventLoopImpl, command: List<String>, options: SubprocessOptions): AsyncProcess {
        loop.checkThread("createSubprocessExec")
        loop.checkClosed()
        val pb = ProcessBuilder(command)
        pb.redirectInput(if (options.stdin() == Stdio.DEVNULL) ProcessBuilder.Redirect.from(DEV_NULL) else redirect(options.stdin()))
        pb.redirectOutput(redirect(options.stdout()))
        if (options.stderr() == Stdio.STDOUT) pb.redirectErrorStream(true) else pb.redirectError(redirect(options.stderr()))
        options.cwd()?.let { pb.directory(it.toFile()) }
        options.env()?.let {
            pb.environment().clear()
            pb.environment().putAll(it)
        }
        val process = try {
            pb.start()
        } catch (e: IOException) {
            throw osError(e)
        }
        return AsyncProcessImpl(
            loop,
            process,
            options.stdin() == Stdio.PIPE,
            options.stdout() == Stdio.PIPE,
            options.stderr() == Stdio.PIPE,
            options.limit(),
        )
    }

    private fun redirect(s: Stdio): ProcessBuilder.Redirect = when (s) {
        Stdio.INHERIT -> ProcessBuilder.Redirect.INHERIT
        Stdio.PIPE -> ProcessBuilder.Redirect.PIPE
        Stdio.DEVNULL -> ProcessBuilder.Redirect.DISCARD
        Stdio.STDOUT -> throw IllegalArgumentException("Stdio.STDOUT is only valid for stderr")
    }
}
