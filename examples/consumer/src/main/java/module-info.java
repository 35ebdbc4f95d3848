/** A user of the library on the module path: it needs only the exported API. */
module org.vectorkernels.consumer {
    requires org.vectorkernels;
}
